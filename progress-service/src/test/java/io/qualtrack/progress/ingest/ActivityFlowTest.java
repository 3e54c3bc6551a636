package io.qualtrack.progress.ingest;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.progress.ProgressServiceIntegrationTest;
import io.qualtrack.progress.catalogue.TestCatalogue;
import io.qualtrack.progress.tracking.Activities;
import io.qualtrack.progress.tracking.SmallCatalogue;
import io.qualtrack.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From POST /api/activities through Kafka to the progress API and the progress-changed event. */
class ActivityFlowTest extends ProgressServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @BeforeEach
    void catalogue() {
        TestCatalogue.publish(kafka);
    }

    private JsonNode post(List<? extends LearnerActivityEvent> events) {
        String body = JSON.writerFor(JSON.getTypeFactory().constructCollectionType(List.class, LearnerActivityEvent.class))
                .writeValueAsString(events);
        var result = mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(result.getResponse().getStatus()).as(new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(202);
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    private JsonNode progressOf(String learner) {
        var result = mvc.get().uri("/api/learners/" + learner + "/progress").exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return JSON.readTree(result.getResponse().getContentAsByteArray()).get("enrolments").get(0);
    }

    private double duplicatesCounted() {
        return meters.find("qualtrack.progress.activities").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aScenarioPostedOverHttpShowsTheRightProgressAndPostingItAgainInAnyOrderChangesNothing() {
        var eve = new Activities("E2E-EVE", "C-1", SmallCatalogue.QUALIFICATION);
        List<LearnerActivityEvent> scenario = List.of(eve.enrolled(0),
                eve.evidence(1, "U-ONE", "eve-portfolio", "1.1", "1.2"), eve.met(2, "U-ONE", "1.1"),
                eve.met(2, "U-ONE", "1.2"), eve.verified(3, "U-ONE", "1.1"), eve.evidence(4, "U-TWO", "eve-obs", "1.1"));

        JsonNode accepted = post(scenario);
        assertThat(accepted.get("accepted").size()).isEqualTo(6);
        assertThat(accepted.get("accepted").get(0).get("eventId").asString()).isEqualTo(scenario.getFirst().eventId().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(progressOf("E2E-EVE").get("revision").asLong()).isGreaterThanOrEqualTo(1)
                        .satisfies(r -> assertThat(progressOf("E2E-EVE").at("/progress/summary/awaitingAssessment").asInt()).isEqualTo(1)));
        JsonNode progress = progressOf("E2E-EVE").get("progress");
        assertThat(progress.at("/units/0/learningOutcomes/0/criteria/0/status").asString()).isEqualTo("VERIFIED");
        assertThat(progress.at("/units/0/learningOutcomes/0/criteria/0/verification/by").asString()).isEqualTo("iqa-1");
        assertThat(progress.at("/units/0/learningOutcomes/0/criteria/1/status").asString()).isEqualTo("MET");
        assertThat(progress.at("/units/0/learningOutcomes/0/summary/status").asString()).isEqualTo("MET");
        assertThat(progress.at("/units/0/learningOutcomes/1/summary/status").asString()).isEqualTo("NOT_STARTED");
        assertThat(progress.at("/units/0/summary/percentMet").asDouble()).isEqualTo(66.7);
        assertThat(progress.at("/units/1/learningOutcomes/0/criteria/0/status").asString()).isEqualTo("EVIDENCE_SUBMITTED");
        assertThat(progress.at("/summary/percentMet").asDouble()).isEqualTo(50.0);
        assertThat(progress.at("/summary/percentVerified").asDouble()).isEqualTo(25.0);
        long revision = progressOf("E2E-EVE").get("revision").asLong();

        var changes = TopicReader.readFromBeginning(brokers, Topics.PROGRESS, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> r.key().equals("E2E-EVE") && changed(r.value()).revision() == revision));
        EnrolmentProgressChanged last = changes.stream().filter(r -> r.key().equals("E2E-EVE")).map(r -> changed(r.value()))
                .filter(c -> c.revision() == revision).findFirst().orElseThrow();
        JsonNode published = JSON.valueToTree(last.progress());
        assertThat(published).isEqualTo(progress);

        double duplicatesBefore = duplicatesCounted();
        List<LearnerActivityEvent> again = new ArrayList<>(scenario);
        Collections.shuffle(again, new Random(3));
        post(again);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesCounted() >= duplicatesBefore + scenario.size());
        assertThat(progressOf("E2E-EVE").get("revision").asLong()).isEqualTo(revision);
        assertThat(progressOf("E2E-EVE").get("progress")).isEqualTo(progress);
    }

    @Test
    void activityOnAUnitVersionNotReceivedYetWaitsForItAndIsThenApplied() {
        var fay = new Activities("E2E-FAY", "C-1", SmallCatalogue.QUALIFICATION);
        post(List.of(fay.enrolled(0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.get().uri("/api/learners/E2E-FAY/progress")).hasStatusOk());
        var onVersionTwo = new io.qualtrack.contract.activity.EvidenceSubmitted(java.util.UUID.randomUUID(),
                Activities.minute(5), 1, "E2E-FAY", "C-1", SmallCatalogue.QUALIFICATION, "U-ONE", 2, "fay-v2", List.of("3.1"));
        post(List.of(onVersionTwo));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("qualtrack.progress.parked").tag("reason", "awaiting_content")
                .gauge().value() >= 1);
        assertThat(progressOf("E2E-FAY").at("/progress/units/0/unitVersion").asInt()).isEqualTo(1);

        UnitDefinition versionTwo = SmallCatalogue.unit("U-ONE", 2, SmallCatalogue.outcome("LO1", "1.1", "1.2"),
                SmallCatalogue.outcome("LO2", "2.1"), SmallCatalogue.outcome("LO3", "3.1"));
        TestCatalogue.publish(kafka, versionTwo);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode unit = progressOf("E2E-FAY").at("/progress/units/0");
            assertThat(unit.get("unitVersion").asInt()).isEqualTo(2);
            assertThat(unit.at("/learningOutcomes/2/criteria/0/status").asString()).isEqualTo("EVIDENCE_SUBMITTED");
        });
    }

    @Test
    void anUnknownLearnerIs404() {
        assertThat(mvc.get().uri("/api/learners/NOBODY/progress")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static EnrolmentProgressChanged changed(String json) {
        return (EnrolmentProgressChanged) JSON.readValue(json, ProgressEvent.class);
    }
}
