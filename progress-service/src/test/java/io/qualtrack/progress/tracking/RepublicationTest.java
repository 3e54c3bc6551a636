package io.qualtrack.progress.tracking;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.ProgressServiceIntegrationTest;
import io.qualtrack.progress.catalogue.TestCatalogue;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import io.qualtrack.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every enrolment's snapshot published again, page by page, under the event id of its revision. */
class RepublicationTest extends ProgressServiceIntegrationTest {

    private static final String OPERATIONS = TestTokens.bearer(TestCaller.operations());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MockMvcTester mvc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void everySnapshotIsPublishedAgainPageByPageWithTheEventIdOfItsRevision() {
        TestCatalogue.publish(kafka);
        for (String learner : List.of("REPUB-A", "REPUB-B")) {
            var activities = new Activities(learner, "C-1", SmallCatalogue.QUALIFICATION);
            produce(activities.enrolled(0));
            produce(activities.evidence(1, "U-ONE", "essay", "1.1"));
        }
        Map<String, Long> revisions = Map.of("REPUB-A", appliedRevision("REPUB-A"), "REPUB-B", appliedRevision("REPUB-B"));
        readProgressUntil(read -> count(read, "REPUB-A", revisions) >= 1 && count(read, "REPUB-B", revisions) >= 1);

        List<JsonNode> pages = new ArrayList<>();
        String after = "C-1|REPUB-";
        do {
            JsonNode page = JSON.readTree(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS)
                    .uri("/api/operations/progress/republish?limit=1&after=" + after).exchange().getResponse().getContentAsByteArray());
            pages.add(page);
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null && after.startsWith("C-1|REPUB-") && pages.size() < 10);

        assertThat(pages.subList(0, 2)).extracting(p -> p.get("republished").asInt()).containsExactly(1, 1);
        assertThat(pages.subList(0, 2)).extracting(p -> p.get("next").asString()).containsExactly(
                "C-1|REPUB-A|" + SmallCatalogue.QUALIFICATION, "C-1|REPUB-B|" + SmallCatalogue.QUALIFICATION);
        List<JsonNode> changes = readProgressUntil(read -> count(read, "REPUB-A", revisions) >= 2 && count(read, "REPUB-B", revisions) >= 2);
        for (String learner : List.of("REPUB-A", "REPUB-B")) {
            Map<String, Long> byEventId = changes.stream()
                    .filter(change -> learner.equals(change.get("learnerId").asString()) && change.get("revision").asLong() == revisions.get(learner))
                    .collect(Collectors.groupingBy(change -> change.get("eventId").asString(), Collectors.counting()));
            assertThat(byEventId).as("the latest revision of %s, published and then republished under one event id", learner)
                    .hasSize(1).containsValue(2L);
        }
    }

    @Test
    void republishingIsForOperationsOnlyAndItsPageIsBounded() {
        assertThat(mvc.post().uri("/api/operations/progress/republish")).as("staff of a centre").hasStatus(403);
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/progress/republish?limit=0"))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("limit must be from 1 to 1000");
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/progress/republish?limit=1001"))
                .hasStatus(400);
    }

    private static long count(List<JsonNode> changes, String learner, Map<String, Long> revisions) {
        return changes.stream().filter(c -> learner.equals(c.get("learnerId").asString())
                && c.get("revision").asLong() == revisions.get(learner)).count();
    }

    /** The enrolment's revision once its evidence is applied, from the progress API. */
    private long appliedRevision(String learner) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var answer = mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/learners/" + learner + "/progress").exchange();
            if (answer.getResponse().getStatus() != 200) {
                return null;
            }
            JsonNode enrolment = JSON.readTree(answer.getResponse().getContentAsByteArray()).get("enrolments").get(0);
            return enrolment.toString().contains("\"essay\"") ? enrolment.get("revision").asLong() : null;
        }, java.util.Objects::nonNull);
    }

    /** Every progress event on the topic, read until {@code until} holds for them. */
    private List<JsonNode> readProgressUntil(java.util.function.Predicate<List<JsonNode>> until) {
        List<ConsumerRecord<String, String>> records = TopicReader.readFromBeginning(brokers, Topics.PROGRESS, Duration.ofSeconds(30),
                read -> until.test(read.stream().map(r -> JSON.readTree(r.value())).toList()));
        return records.stream().map(r -> JSON.readTree(r.value())).toList();
    }

    private void produce(LearnerActivityEvent event) {
        kafka.send(new ProducerRecord<>(Topics.ACTIVITY, event.learnerId(),
                JSON.writerFor(LearnerActivityEvent.class).writeValueAsBytes(event))).join();
    }
}
