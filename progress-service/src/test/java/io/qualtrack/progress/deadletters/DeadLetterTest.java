package io.qualtrack.progress.deadletters;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.ProgressServiceIntegrationTest;
import io.qualtrack.progress.catalogue.TestCatalogue;
import io.qualtrack.progress.tracking.Activities;
import io.qualtrack.progress.tracking.SmallCatalogue;
import io.qualtrack.testsupport.ServiceProbes;
import io.qualtrack.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each class of bad input lands on the dead-letter topic with its reason, and good activity behind it still applies. */
class DeadLetterTest extends ProgressServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MockMvcTester mvc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @LocalServerPort
    int port;

    private void produce(String learner, byte[] payload) {
        kafka.send(new ProducerRecord<>(Topics.ACTIVITY, learner, payload)).join();
    }

    private void produce(LearnerActivityEvent event) {
        produce(event.learnerId(), JSON.writerFor(LearnerActivityEvent.class).writeValueAsBytes(event));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void everyClassOfBadInputIsDeadLetteredWithItsReasonWhileGoodActivityKeepsFlowing() {
        TestCatalogue.publish(kafka);
        var gus = new Activities("DLT-GUS", "C-1", SmallCatalogue.QUALIFICATION);
        produce(gus.enrolled(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mvc.get().uri("/api/learners/DLT-GUS/progress")).hasStatusOk());

        produce("DLT-GUS", "this is not json".getBytes(StandardCharsets.UTF_8));
        ObjectNode missingFields = JSON.valueToTree(gus.evidence(1, "U-ONE", "e", "1.1"));
        missingFields.remove("learnerId");
        produce("DLT-GUS", missingFields.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode futureSchema = JSON.valueToTree(gus.evidence(1, "U-ONE", "e", "1.1"));
        futureSchema.put("type", "EvidenceSubmitted").put("schemaVersion", 99);
        produce("DLT-GUS", futureSchema.toString().getBytes(StandardCharsets.UTF_8));
        produce("DLT-GUS", ("{\"type\":\"EvidenceSubmitted\",\"padding\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        produce(gus.evidence(2, "U-NINE", "e", "1.1"));
        produce(gus.evidence(3, "U-ONE", "e", "7.7"));
        produce(new Activities("DLT-GUS", "C-OTHER", SmallCatalogue.QUALIFICATION).evidence(4, "U-ONE", "e", "1.1"));
        produce(new Activities("DLT-NOBODY", "C-1", SmallCatalogue.QUALIFICATION).evidence(5, "U-ONE", "e", "1.1"));
        produce(gus.evidence(6, "U-ONE", "good-after-poison", "1.1"));

        var deadLetters = TopicReader.readFromBeginning(brokers, Topics.ACTIVITY_DEAD_LETTER, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> "DLT-NOBODY".equals(r.key()) || r.key() == null || "DLT-GUS".equals(r.key())).count() >= 8);
        assertThat(deadLetters.stream().filter(r -> "NOT_ENROLLED".equals(header(r, "qualtrack-dlt-reason"))).map(r -> header(r, "qualtrack-dlt-detail")))
                .as("the same learner id at another centre is another learner, not enrolled there")
                .anySatisfy(detail -> assertThat(detail).contains("DLT-NOBODY"))
                .anySatisfy(detail -> assertThat(detail).contains("DLT-GUS").contains("at C-OTHER"));
        Map<String, String> detailByReason = deadLetters.stream()
                .filter(r -> r.key() == null || r.key().startsWith("DLT-"))
                .collect(Collectors.toMap(r -> header(r, "qualtrack-dlt-reason"), r -> header(r, "qualtrack-dlt-detail"), (a, b) -> a));
        assertThat(detailByReason).containsOnlyKeys("MALFORMED", "UNSUPPORTED_SCHEMA", "OVERSIZED", "UNKNOWN_UNIT",
                "UNKNOWN_CRITERION", "NOT_ENROLLED");
        assertThat(detailByReason.get("UNKNOWN_CRITERION")).contains("7.7");
        assertThat(deadLetters.stream().filter(r -> "MALFORMED".equals(header(r, "qualtrack-dlt-reason"))))
                .anySatisfy(r -> assertThat(r.value()).isEqualTo("this is not json"))
                .allSatisfy(r -> assertThat(header(r, "qualtrack-dlt-origin")).startsWith(Topics.ACTIVITY + "-"));
        assertThat(deadLetters.stream().filter(r -> "NOT_ENROLLED".equals(header(r, "qualtrack-dlt-reason"))))
                .as("activity that waited for its enrolment keeps the record it came in")
                .isNotEmpty().allSatisfy(r -> assertThat(header(r, "qualtrack-dlt-origin")).startsWith(Topics.ACTIVITY + "-"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.get().uri("/api/learners/DLT-GUS/progress"))
                .bodyJson().hasPathSatisfying("$.enrolments[0].progress.units[0].learningOutcomes[0].criteria[0].evidenceRefs",
                        refs -> refs.assertThat().asList().containsExactly("good-after-poison")));
        String metrics = ServiceProbes.get(port, "/actuator/prometheus").body();
        for (String reason : List.of("malformed", "unsupported_schema", "oversized", "unknown_unit", "unknown_criterion",
                "not_enrolled")) {
            assertThat(metrics).contains("qualtrack_progress_dead_letters_total{application=\"progress-service\",reason=\"" + reason + "\"}");
        }
    }

    @Test
    void aReusedEventIdOrAnInstantOutOfRangeProducedStraightToTheTopicIsDeadLetteredAndTheRestApplies() {
        TestCatalogue.publish(kafka);
        var ivy = new Activities("DLT-IVY", "C-1", SmallCatalogue.QUALIFICATION);
        produce(ivy.enrolled(0));
        var first = ivy.evidence(1, "U-ONE", "dup-first", "1.1");
        produce(first);
        produce(new EvidenceSubmitted(first.eventId(), first.occurredAt(), 1, "DLT-IVY", "C-1", SmallCatalogue.QUALIFICATION,
                "U-ONE", 1, "dup-second", List.of("1.2")));
        ObjectNode longAgo = JSON.valueToTree(ivy.evidence(3, "U-ONE", "from-1700", "1.2"));
        longAgo.put("type", "EvidenceSubmitted").put("occurredAt", "1700-01-01T00:00:00Z");
        produce("DLT-IVY", longAgo.toString().getBytes(StandardCharsets.UTF_8));
        produce(ivy.evidence(4, "U-ONE", "after-them", "1.2"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.get().uri("/api/learners/DLT-IVY/progress"))
                .bodyJson().hasPathSatisfying("$.enrolments[0].progress.units[0].learningOutcomes[0].criteria[*].evidenceRefs",
                        refs -> refs.assertThat().asList().containsExactly(List.of("dup-first"), List.of("after-them"))));
        var deadLetters = TopicReader.readFromBeginning(brokers, Topics.ACTIVITY_DEAD_LETTER, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> "DLT-IVY".equals(r.key())).count() >= 2).stream()
                .filter(r -> "DLT-IVY".equals(r.key())).toList();
        assertThat(deadLetters).extracting(r -> header(r, "qualtrack-dlt-reason"))
                .containsExactlyInAnyOrder("CONFLICTING_DUPLICATE", "MALFORMED");
        assertThat(deadLetters).extracting(r -> header(r, "qualtrack-dlt-detail")).anySatisfy(detail -> assertThat(detail)
                .contains(first.eventId().toString(), "applied before with a different evidenceRef, criterionCodes"))
                .anySatisfy(detail -> assertThat(detail).contains("occurredAt must be from 2000-01-01 to 2099-12-31"));
    }

    @Test
    void aDeadLetterIsInTheTraceOfTheRecordItCameFrom() {
        String poison = "{\"type\":\"EvidenceSubmitted\",\"learnerId\":\"DLT-TRACED\"}";
        produce("DLT-TRACED", poison.getBytes(StandardCharsets.UTF_8));

        String sent = traceParentOf(poison, Topics.ACTIVITY);
        String deadLettered = traceParentOf(poison, Topics.ACTIVITY_DEAD_LETTER);
        assertThat(sent).as("the producing template's observation names a trace").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(deadLettered).as("the dead letter's trace id").startsWith(sent.substring(0, 35)).isNotEqualTo(sent);
    }

    private String traceParentOf(String value, String topic) {
        var records = TopicReader.readFromBeginning(brokers, topic, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> value.equals(r.value())));
        return header(records.stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow(), "traceparent");
    }
}
