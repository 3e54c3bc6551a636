package io.qualtrack.progress.tracking;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.testsupport.MongoStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At-least-once delivery, for real: a realistic scenario duplicated and shuffled many ways, fed in
 * batches of random sizes, always ends in the progress the domain rules give for its distinct events.
 */
class ShuffledDeliveryTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final List<EnrolmentProgressChanged> published = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private EnrolmentStore enrolments;
    private ParkedActivityStore parked;
    private ActivityProcessor processor;

    @BeforeEach
    void processor() {
        String uri = MongoStandIn.uri("shuffle");
        client = MongoClients.create(uri);
        MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        enrolments = new EnrolmentStore(mongo, json);
        parked = new ParkedActivityStore(mongo, json);
        processor = new ActivityProcessor(enrolments, parked, catalogue, deadLetters::addAll, published::addAll,
                new ActivityMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), json, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Four learners, every event type, reverts, re-evidence, a withdrawal. */
    static List<LearnerActivityEvent> scenario() {
        List<LearnerActivityEvent> events = new ArrayList<>();
        var ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);
        events.addAll(List.of(ann.enrolled(0), ann.evidence(10, "U-ONE", "ann-essay", "1.1", "1.2"),
                ann.met(20, "U-ONE", "1.1"), ann.notYetMet(21, "U-ONE", "1.2"), ann.evidence(30, "U-ONE", "ann-essay-2", "1.2"),
                ann.met(40, "U-ONE", "1.2"), ann.verified(50, "U-ONE", "1.1"), ann.verified(51, "U-ONE", "1.2"),
                ann.evidence(60, "U-TWO", "ann-report", "1.1"), ann.met(70, "U-TWO", "1.1")));
        var ben = new Activities("L-BEN", "C-1", SmallCatalogue.QUALIFICATION);
        events.addAll(List.of(ben.enrolled(1), ben.evidence(11, "U-ONE", "ben-portfolio", "1.1", "1.2", "2.1"),
                ben.met(22, "U-ONE", "2.1"), ben.verified(23, "U-ONE", "2.1"), ben.notYetMet(24, "U-ONE", "2.1"),
                ben.withdrawn(80)));
        var cat = new Activities("L-CAT", "C-2", SmallCatalogue.QUALIFICATION);
        events.addAll(List.of(cat.enrolled(2), cat.evidence(12, "U-TWO", "cat-obs", "1.1"), cat.met(13, "U-TWO", "1.1"),
                cat.verified(14, "U-TWO", "1.1"), cat.evidence(15, "U-ONE", "cat-plan", "2.1")));
        var dan = new Activities("L-DAN", "C-2", SmallCatalogue.QUALIFICATION);
        events.add(dan.enrolled(3));
        return events;
    }

    private Map<String, EnrolmentProgress> expected(List<LearnerActivityEvent> events) {
        Map<String, List<LearnerActivityEvent>> byLearner = events.stream()
                .collect(Collectors.groupingBy(LearnerActivityEvent::learnerId, LinkedHashMap::new, Collectors.toList()));
        Map<String, EnrolmentProgress> expected = new HashMap<>();
        byLearner.forEach((learner, own) -> expected.put(learner, ProgressRules.calculate(own, catalogue)));
        return expected;
    }

    private Map<String, EnrolmentProgress> stored() {
        Map<String, EnrolmentProgress> stored = new HashMap<>();
        for (String learner : List.of("L-ANN", "L-BEN", "L-CAT", "L-DAN")) {
            enrolments.ofLearner(learner).forEach(s -> stored.put(learner, s.progress()));
        }
        return stored;
    }

    private List<Incoming> incoming(List<LearnerActivityEvent> events) {
        return events.stream().map(e -> new Incoming(e, json.writeValueAsString(e).getBytes(StandardCharsets.UTF_8), null)).toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void duplicatedAndShuffledDeliveryEndsInTheSameProgress(long seed) {
        List<LearnerActivityEvent> scenario = scenario();
        Random random = new Random(seed);
        List<LearnerActivityEvent> delivery = new ArrayList<>(scenario);
        for (LearnerActivityEvent event : scenario) {
            for (int copies = random.nextInt(3); copies > 0; copies--) {
                delivery.add(event);
            }
        }
        Collections.shuffle(delivery, random);

        for (int from = 0; from < delivery.size(); ) {
            int to = Math.min(delivery.size(), from + 1 + random.nextInt(8));
            processor.process(incoming(delivery.subList(from, to)));
            from = to;
        }

        assertThat(stored()).isEqualTo(expected(scenario));
        assertThat(deadLetters).isEmpty();
        assertThat(parked.oldest(10)).isEmpty();
        Map<String, Long> highestRevision = new HashMap<>();
        published.forEach(p -> highestRevision.merge(p.learnerId(), p.revision(), Math::max));
        scenario.stream().collect(Collectors.groupingBy(LearnerActivityEvent::learnerId, Collectors.counting()))
                .forEach((learner, distinct) -> assertThat(highestRevision.get(learner))
                        .as("one revision per distinct event of " + learner).isLessThanOrEqualTo(distinct));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 77})
    void deliveringEverythingAgainChangesNothing(long seed) {
        List<LearnerActivityEvent> scenario = scenario();
        processor.process(incoming(scenario));
        Map<String, EnrolmentProgress> first = stored();
        int publishedBefore = published.size();
        List<LearnerActivityEvent> again = new ArrayList<>(scenario);
        Collections.shuffle(again, new Random(seed));

        var outcome = processor.process(incoming(again));

        assertThat(outcome.duplicates()).isEqualTo(scenario.size());
        assertThat(outcome.applied()).isZero();
        assertThat(stored()).isEqualTo(first);
        assertThat(published).hasSize(publishedBefore);
    }
}
