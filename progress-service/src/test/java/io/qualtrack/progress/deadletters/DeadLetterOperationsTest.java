package io.qualtrack.progress.deadletters;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.ProgressServiceIntegrationTest;
import io.qualtrack.progress.catalogue.TestCatalogue;
import io.qualtrack.progress.tracking.Activities;
import io.qualtrack.progress.tracking.SmallCatalogue;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dead letters are listed and inspected with their reasons, and re-driven once their cause is fixed; re-driving twice changes nothing. */
class DeadLetterOperationsTest extends ProgressServiceIntegrationTest {

    private static final String OPERATIONS = TestTokens.bearer(TestCaller.operations());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MockMvcTester mvc;

    @Test
    void aDeadLetterIsListedInspectedAndReDrivenIdempotentlyOnceItsCauseIsFixed() {
        TestCatalogue.publish(kafka);
        var ann = new Activities("OPS-ANN", "C-1", SmallCatalogue.QUALIFICATION);
        LearnerActivityEvent early = ann.evidence(5, "U-ONE", "arrived-before-enrolment", "1.1");
        produce(early);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(early), java.util.Objects::nonNull);
        assertThat(letter.get("reason").asString()).isEqualTo("NOT_ENROLLED");
        assertThat(letter.get("key").asString()).isEqualTo("OPS-ANN");
        assertThat(letter.get("payloadPreview").asString()).contains("arrived-before-enrolment");
        String id = letter.get("id").asString();
        assertThat(mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/" + id)).hasStatusOk().bodyJson()
                .extractingPath("$.eventId").isEqualTo(early.eventId().toString());

        produce(ann.enrolled(0)); // the cause, fixed: the enrolment arrives late
        await().atMost(Duration.ofSeconds(30)).until(() -> revision() == 1);
        assertThat(redrive(id)).bodyJson().extractingPath("$.redriven").asArray().containsExactly(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> evidenceRefs("1.1").equals(List.of("arrived-before-enrolment")));
        long afterRedrive = revision();

        assertThat(redrive(id)).bodyJson().extractingPath("$.redriven").asArray().containsExactly(id);
        produce(ann.evidence(6, "U-ONE", "marker-behind-second-redrive", "1.2")); // same partition, so it applies after the re-driven copy
        await().atMost(Duration.ofSeconds(30)).until(() -> evidenceRefs("1.2").equals(List.of("marker-behind-second-redrive")));
        assertThat(evidenceRefs("1.1")).containsExactly("arrived-before-enrolment");
        assertThat(revision()).as("only the marker changed the enrolment").isEqualTo(afterRedrive + 1);
    }

    @Test
    void deadLettersAreForOperationsOnly() {
        assertThat(mvc.get().uri("/api/operations/dead-letters")).as("staff of a centre").hasStatus(403);
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.submitter("C-1")))
                .uri("/api/operations/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"NOT_ENROLLED\"}"))
                .as("a centre's system").hasStatus(403);
    }

    @Test
    void badOperationsRequestsAreProblemDetails() {
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("a reason, a list of ids");
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"MALFORMED\"}")).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .contains("cannot apply as received");
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON)
                .content("{\"ids\":[\"nope\"]}")).hasStatus(400);
        assertThat(mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters?reason=BORED")).hasStatus(400);
        assertThat(mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters?limit=0")).hasStatus(400);
        assertThat(mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/0@999999")).hasStatus(404);
    }

    @Test
    void aMalformedDeadLetterIdIsABadRequestThatSaysWhatAnIdLooksLike() {
        for (String id : new String[]{"0@-5", "-1@0", "x@1", "17", "1@2@3", "@", "1@"}) {
            assertThat(mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/{id}", id))
                    .as(id).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                    .extractingPath("$.detail").asString().contains("'" + id + "' is not a dead-letter id", "partition@offset");
        }
        assertThat(mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/99999999999@0"))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("too large");
        assertThat(mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/redrive")
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\":[\"2@-1\"]}"))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'2@-1' is not a dead-letter id");
    }

    private JsonNode deadLetterOf(LearnerActivityEvent event) {
        var response = mvc.get().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters?reason=NOT_ENROLLED&limit=1000").exchange();
        for (JsonNode letter : JSON.readTree(response.getResponse().getContentAsByteArray()).get("deadLetters")) {
            if (event.eventId().toString().equals(letter.get("eventId").asString())) {
                return letter;
            }
        }
        return null;
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult redrive(String id) {
        var result = mvc.post().header(HttpHeaders.AUTHORIZATION, OPERATIONS).uri("/api/operations/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"NOT_ENROLLED\",\"ids\":[\"" + id + "\"]}").exchange();
        assertThat(result).hasStatusOk();
        return result;
    }

    private JsonNode enrolment() {
        var response = mvc.get().uri("/api/learners/OPS-ANN/progress").exchange();
        return response.getResponse().getStatus() != 200 ? null
                : JSON.readTree(response.getResponse().getContentAsByteArray()).get("enrolments").get(0);
    }

    private long revision() {
        JsonNode enrolment = enrolment();
        return enrolment == null ? 0 : enrolment.get("revision").asLong();
    }

    private List<String> evidenceRefs(String criterion) {
        JsonNode enrolment = enrolment();
        if (enrolment == null) {
            return List.of();
        }
        for (JsonNode lo : enrolment.get("progress").get("units").get(0).get("learningOutcomes")) {
            for (JsonNode c : lo.get("criteria")) {
                if (c.get("code").asString().equals(criterion)) {
                    return c.get("evidenceRefs").valueStream().map(JsonNode::asString).toList();
                }
            }
        }
        return List.of();
    }

    private void produce(LearnerActivityEvent event) {
        kafka.send(new ProducerRecord<>(Topics.ACTIVITY, event.learnerId(),
                JSON.writerFor(LearnerActivityEvent.class).writeValueAsBytes(event))).join();
    }
}
