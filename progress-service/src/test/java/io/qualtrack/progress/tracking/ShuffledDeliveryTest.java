package io.qualtrack.progress.tracking;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.parking.ActivityBacklog;
import io.qualtrack.progress.parking.ParkReason;
import io.qualtrack.progress.parking.ParkedActivityStore;
import io.qualtrack.progress.parking.ParkingProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery, for real: a realistic scenario duplicated and shuffled many ways, fed in
 * batches of random sizes, always ends in the progress the domain rules give for its distinct events.
 */
class ShuffledDeliveryTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private ProcessorFixture fixture;

    @BeforeEach
    void processor() {
        fixture = new ProcessorFixture(catalogue);
    }

    @AfterEach
    void close() {
        fixture.close();
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
            fixture.enrolments.ofLearner(learner).forEach(s -> stored.put(learner, s.progress()));
        }
        return stored;
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
            fixture.processor.process(fixture.incoming(delivery.subList(from, to)));
            from = to;
        }

        assertThat(stored()).isEqualTo(expected(scenario));
        assertThat(fixture.deadLetters).isEmpty();
        assertThat(fixture.parked.leastRecentlyTried(10)).isEmpty();
        assertThat(fixture.publications.openSince(java.time.Instant.now().plusSeconds(60), 10)).as("every write was published").isEmpty();
        Map<String, Long> highestRevision = new HashMap<>();
        fixture.published.forEach(p -> highestRevision.merge(p.learnerId(), p.revision(), Math::max));
        scenario.stream().collect(Collectors.groupingBy(LearnerActivityEvent::learnerId, Collectors.counting()))
                .forEach((learner, distinct) -> assertThat(highestRevision.get(learner))
                        .as("one revision per distinct event of " + learner).isLessThanOrEqualTo(distinct));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 40, 400})
    void twoInstancesTakingTurnsOnTheSameEnrolmentsStillEndInTheSameProgress(long seed) {
        List<LearnerActivityEvent> scenario = scenario();
        List<LearnerActivityEvent> delivery = new ArrayList<>(scenario);
        Random random = new Random(seed);
        Collections.shuffle(delivery, random);
        ActivityProcessor[] instances = {fixture.processor, fixture.secondInstance()};

        for (int from = 0, turn = 0; from < delivery.size(); turn++) {
            int to = Math.min(delivery.size(), from + 1 + random.nextInt(5));
            instances[turn % 2].process(fixture.incoming(delivery.subList(from, to)));
            from = to;
        }

        assertThat(stored()).isEqualTo(expected(scenario));
    }

    @Test
    void activityWaitingForAnEnrolmentThatWaitsForItsContentIsNotDeadLetteredButAppliedWhenTheContentComes() {
        var newcomer = new Activities("L-NEW", "C-1", "Q-NEW");
        fixture.processor.process(fixture.incoming(List.of(newcomer.enrolled(0), newcomer.evidence(1, "U-ONE", "e", "1.1"))));

        assertThat(fixture.processor.expireAwaitingEnrolment(java.time.Instant.now().plusSeconds(3600), 10)).isZero();
        assertThat(fixture.deadLetters).isEmpty();

        catalogue.add(new io.qualtrack.contract.content.QualificationDefinition("Q-NEW", 1, "New", 7, List.of("U-ONE")));
        var outcome = fixture.processor.redrive(List.of(ActivityAdmission.qualificationKey("Q-NEW")));

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(fixture.enrolments.ofLearner("L-NEW")).singleElement()
                .satisfies(s -> assertThat(s.progress().summary().awaitingAssessment()).isEqualTo(1));
        assertThat(fixture.parked.leastRecentlyTried(10)).isEmpty();
    }

    @Test
    void contentArrivingAfterMoreParkedActivityThanOnePageReleasesAllOfIt() {
        List<LearnerActivityEvent> early = new ArrayList<>();
        for (int i = 0; i < ActivityProcessor.REDRIVE_LIMIT + 200; i++) {
            early.add(new Activities("L-WAIT-" + i, "C-1", "Q-LATE").enrolled(0));
        }
        fixture.processor.process(fixture.incoming(early));
        catalogue.add(new io.qualtrack.contract.content.QualificationDefinition("Q-LATE", 1, "Late", 7, List.of("U-ONE")));

        var outcome = fixture.processor.redrive(List.of(ActivityAdmission.qualificationKey("Q-LATE")));

        assertThat(outcome.applied()).isEqualTo(early.size());
        assertThat(fixture.parked.count(ParkReason.AWAITING_CONTENT)).isZero();
    }

    /**
     * The race behind the replay that lost activity with several consumer threads: the sweep looked for the enrolment
     * among the parked ones just after another thread had stored it and taken it out of them, but before that thread
     * re-drove the activity waiting for it; the sweep dead-lettered the activity and the other thread found none.
     */
    @Test
    void activityIsNotGivenUpOnWhenItsEnrolmentIsAppliedByAnotherThreadDuringTheSweep() {
        var newcomer = new Activities("L-NEW", "C-1", "Q-NEW");
        LearnerActivityEvent enrolled = newcomer.enrolled(0);
        LearnerActivityEvent evidence = newcomer.evidence(1, "U-ONE", "e", "1.1");
        fixture.processor.process(fixture.incoming(List.of(enrolled, evidence)));
        catalogue.add(new io.qualtrack.contract.content.QualificationDefinition("Q-NEW", 1, "New", 7, List.of("U-ONE")));
        var parkedSeenMidway = new ParkedActivityStore(fixture.mongo, fixture.json) {
            @Override
            public boolean hasParkedEnrolment(EnrolmentId enrolment) {
                // the other thread, part way: the enrolment stored and no longer parked, its activity not re-driven yet
                fixture.events.append(List.of(enrolled));
                fixture.enrolments.save(List.of(new EnrolmentStore.Update(EnrolmentState.empty(enrolment), Enrolment.replay(enrolment, List.of(enrolled)),
                        1, java.time.Instant.now())));
                fixture.parked.remove(List.of(enrolled.eventId()));
                return false;
            }
        };

        fixture.processorWith(parkedSeenMidway).expireAwaitingEnrolment(java.time.Instant.now().plusSeconds(3600), 10);

        assertThat(fixture.deadLetters).isEmpty();
        assertThat(fixture.enrolments.ofLearner("L-NEW")).singleElement()
                .satisfies(s -> assertThat(s.progress().summary().awaitingAssessment()).isEqualTo(1));
        assertThat(fixture.parked.leastRecentlyTried(10)).isEmpty();
    }

    @Test
    void progressWrittenButNotPublishedBeforeACrashIsPublishedByTheSweep() {
        var ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);
        fixture.kafkaDown = true;
        assertThatThrownBy(() -> fixture.processor.process(fixture.incoming(List.of(ann.enrolled(0), ann.evidence(1, "U-ONE", "e", "1.1")))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fixture.enrolments.ofLearner("L-ANN")).singleElement().satisfies(s -> assertThat(s.revision()).isEqualTo(1));
        fixture.kafkaDown = false;

        int sent = fixture.processor.publishUnpublished(java.time.Instant.now().plusSeconds(1), 10);

        assertThat(sent).isEqualTo(1);
        assertThat(fixture.published).singleElement().satisfies(change -> {
            assertThat(change.learnerId()).isEqualTo("L-ANN");
            assertThat(change.revision()).isEqualTo(1);
            assertThat(change.progress().summary().awaitingAssessment()).isEqualTo(1);
        });
        assertThat(fixture.processor.publishUnpublished(java.time.Instant.now().plusSeconds(1), 10)).isZero();
    }

    @Test
    void aRestartedInstancePublishesWhatACrashLeftWithoutWaitingForASweep() {
        var bob = new Activities("L-BOB", "C-1", SmallCatalogue.QUALIFICATION);
        fixture.kafkaDown = true;
        assertThatThrownBy(() -> fixture.processor.process(fixture.incoming(List.of(bob.enrolled(0)))))
                .isInstanceOf(IllegalStateException.class);
        fixture.kafkaDown = false;

        var restarted = new ParkingSweeper(fixture.processor, fixture.parked,
                new ParkingProperties(Duration.ofMinutes(10), Duration.ofHours(1), 500),
                Clock.systemUTC(), new ActivityBacklog(Instant.now()), new SimpleMeterRegistry());
        restarted.publishWhatARestartFound();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixture.published).singleElement().satisfies(change -> {
                    assertThat(change.learnerId()).isEqualTo("L-BOB");
                    assertThat(change.revision()).isEqualTo(1);
                }));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 77})
    void deliveringEverythingAgainChangesNothing(long seed) {
        List<LearnerActivityEvent> scenario = scenario();
        fixture.processor.process(fixture.incoming(scenario));
        Map<String, EnrolmentProgress> first = stored();
        int publishedBefore = fixture.published.size();
        List<LearnerActivityEvent> again = new ArrayList<>(scenario);
        Collections.shuffle(again, new Random(seed));

        var outcome = fixture.processor.process(fixture.incoming(again));

        assertThat(outcome.duplicates()).isEqualTo(scenario.size());
        assertThat(outcome.applied()).isZero();
        assertThat(stored()).isEqualTo(first);
        assertThat(fixture.published).hasSize(publishedBefore);
    }
}
