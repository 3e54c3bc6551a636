package io.qualtrack.progress.ingest;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.SubmitterInWebSlices;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ActivityController.class)
@Import({ActivityControllerTest.FixedClock.class, SubmitterInWebSlices.class})
class ActivityControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-10-01T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final String ENROLLED = """
            {"type":"LearnerEnrolled","eventId":"6f1c2a4e-0a4b-4d0e-9e1f-8c2b3a4d5e6f","occurredAt":"2026-09-01T09:00:00Z",
             "learnerId":"L-1","centreId":"C-1","qualificationCode":"SELM7-CERT","cohortId":"2026-A",
             "startDate":"2026-09-01","plannedEndDate":"2027-06-30"}""";
    private static final String EVIDENCE_WITHOUT_ID_OR_TIME = """
            {"type":"EvidenceSubmitted","learnerId":"L-1","centreId":"C-1","qualificationCode":"SELM7-CERT",
             "unitCode":"SELM7-04","unitVersion":1,"evidenceRef":"essay.pdf","criterionCodes":["1.1","1.2"]}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ActivityPublisher publisher;

    @SuppressWarnings("unchecked")
    private List<LearnerActivityEvent> published() {
        ArgumentCaptor<List<LearnerActivityEvent>> captor = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(captor.capture());
        return captor.getValue();
    }

    @Test
    void acceptsOneActivityAndPublishesIt() {
        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(ENROLLED))
                .hasStatus(202).bodyJson()
                .hasPathSatisfying("$.accepted[0].eventId", id -> id.assertThat().isEqualTo("6f1c2a4e-0a4b-4d0e-9e1f-8c2b3a4d5e6f"))
                .hasPathSatisfying("$.accepted[0].type", t -> t.assertThat().isEqualTo("LearnerEnrolled"));
        assertThat(published()).singleElement().satisfies(e -> assertThat(e.learnerId()).isEqualTo("L-1"));
    }

    @Test
    void assignsAnEventIdAndTheTimeOfReceiptWhereTheyAreMissing() {
        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON)
                .content("[" + EVIDENCE_WITHOUT_ID_OR_TIME + "]")).hasStatus(202);

        assertThat(published()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isNotNull();
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
            assertThat(e.schemaVersion()).isEqualTo(1);
        });
    }

    @Test
    void listsEachInvalidItemAndStillPublishesTheValidOnes() {
        String batch = "[" + ENROLLED + ", {\"type\":\"CriterionAssessed\",\"learnerId\":\"L-1\"}, 42, "
                + "{\"type\":\"SomethingElse\"}, " + EVIDENCE_WITHOUT_ID_OR_TIME + "]";

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(batch))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.errors[*].index", i -> i.assertThat().asList().containsExactly(1, 2, 3))
                .hasPathSatisfying("$.errors[0].problems", p -> p.assertThat().asList()
                        .contains("centreId is required", "unitVersion must be 1 or more", "outcome is required (MET or NOT_YET_MET)"))
                .hasPathSatisfying("$.errors[2].problems[0]", p -> p.assertThat().asString().startsWith("unknown type 'SomethingElse'"))
                .hasPathSatisfying("$.accepted[*].index", i -> i.assertThat().asList().containsExactly(0, 4));
        assertThat(published()).hasSize(2);
    }

    @Test
    void explainsBadValuesInTheCallersTermsWithoutJavaNames() {
        String badOutcome = ENROLLED.replace("LearnerEnrolled", "CriterionAssessed")
                .replace("\"cohortId\"", "\"unitCode\":\"SELM7-04\",\"unitVersion\":1,\"criterionCode\":\"1.1\",\"outcome\":\"PASS\",\"assessorId\":\"a\",\"x\"");
        String nullCriterion = EVIDENCE_WITHOUT_ID_OR_TIME.replace("[\"1.1\",\"1.2\"]", "[null]");

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content("[" + badOutcome + "," + nullCriterion + "]"))
                .hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].problems[0]", p -> p.assertThat().asString()
                        .isEqualTo("outcome: invalid value 'PASS' (expected one of [MET, NOT_YET_MET])"))
                .hasPathSatisfying("$.errors[1].problems[0]", p -> p.assertThat().asString().doesNotContain("java").doesNotContain("io.qualtrack"));
    }

    @Test
    void refusesMalformedJsonAndEmptyOrOversizedBatchesWithoutPublishing() {
        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content("[{\"type\":"))
                .hasStatus(400).bodyText().contains("not valid JSON").doesNotContain("Exception");
        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .hasStatus(400);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(ActivityController.MAX_ITEMS + 1, ENROLLED)) + "]";
        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(tooMany))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.detail", d -> d.assertThat().asString().contains("1000"));
        verifyNoInteractions(publisher);
    }

    @Test
    void refusesTheWholeBatchWhenAnyItemIsForACentreTheCallerDoesNotSubmitFor() {
        String otherCentre = ENROLLED.replace("\"C-1\"", "\"C-2\"").replace("6f1c2a4e", "7f1c2a4e");
        String wrongKindOfCentre = EVIDENCE_WITHOUT_ID_OR_TIME.replace("\"C-1\"", "{\"id\":\"C-1\"}");

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON)
                .content("[" + ENROLLED + "," + otherCentre + "," + wrongKindOfCentre + "]"))
                .hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.detail", d -> d.assertThat().asString().contains("[1, 2]").doesNotContain("C-2"));
        verifyNoInteractions(publisher);
    }

    @Test
    void answers503WhenKafkaDoesNotTakeTheActivity() {
        willThrow(new ActivityNotStoredException("The activity could not be stored just now", new IllegalStateException()))
                .given(publisher).publish(any());

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(ENROLLED))
                .hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
