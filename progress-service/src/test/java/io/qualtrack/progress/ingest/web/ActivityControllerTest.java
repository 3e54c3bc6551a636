package io.qualtrack.progress.ingest.web;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.SubmitterInWebSlices;
import io.qualtrack.progress.ingest.ActivityNotStoredException;
import io.qualtrack.progress.ingest.ActivityPublisher;
import io.qualtrack.progress.tracking.AppliedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @MockitoBean
    AppliedEvents appliedEvents;

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
        willThrow(new ActivityNotStoredException("The activity could not be stored just now", true, new IllegalStateException()))
                .given(publisher).publish(any());

        var answer = mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(ENROLLED).exchange();
        assertThat(answer).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("5");
    }

    @Test
    void aFailureThatRetryingCannotCureIsNotAnsweredRetry() {
        willThrow(new ActivityNotStoredException("The activity could not be stored", false, new IllegalStateException()))
                .given(publisher).publish(any());

        var answer = mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(ENROLLED).exchange();
        assertThat(answer).hasStatus(500).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getResponse().getHeader("Retry-After")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "learnerId       | ZZ-PROBE-\\u0000x                | learnerId must not contain the control character U+0000",
            "learnerId       | ZZ-PROBE-\\u202efdp.exe          | learnerId must not contain the invisible formatting character U+202E",
            "learnerId       | ZZ-PROBE-\\r\\nINFO forged log line | learnerId must not contain the control character U+000D",
            "cohortId        | ZZ-PROBE-\\u0000C1               | cohortId must not contain the control character U+0000",
            "occurredAt      | 9999-12-31T23:59:59Z               | occurredAt must be from 2000-01-01 to 2099-12-31 (UTC)",
            "occurredAt      | +1000000000-12-31T23:59:59Z        | occurredAt must be from 2000-01-01 to 2099-12-31 (UTC)",
            "occurredAt      | -1000000000-01-01T00:00:00Z        | occurredAt must be from 2000-01-01 to 2099-12-31 (UTC)",
            "occurredAt      | 0001-01-01T00:00:00Z               | occurredAt must be from 2000-01-01 to 2099-12-31 (UTC)",
            "occurredAt      | 1700-01-01T00:00:00Z               | occurredAt must be from 2000-01-01 to 2099-12-31 (UTC)",
            "startDate       | -999999999-01-01                   | startDate must be from 2000-01-01 to 2099-12-31 (UTC)",
            "startDate       | 1900-01-01                         | startDate must be from 2000-01-01 to 2099-12-31 (UTC)",
            "plannedEndDate  | +999999999-12-31                   | plannedEndDate must be from 2000-01-01 to 2099-12-31 (UTC)",
            "plannedEndDate  | 2300-01-01                         | plannedEndDate must be from 2000-01-01 to 2099-12-31 (UTC)"})
    void refusesInvisibleOrControlCharactersInIdsAndDatesOutOfRangeNamingTheField(String field, String value, String problem) {
        String item = ENROLLED.replaceFirst("\"" + field + "\":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":\"" + value + "\""));
        assertThat(item).contains(value);

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(item))
                .hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].problems", p -> p.assertThat().asList().singleElement().asString().startsWith(problem));
        verifyNoInteractions(publisher);
    }

    @Test
    void refusesAnItemTooLargeForARecordOfTheActivityTopicAtTheApiNotLater() {
        String codes = String.join(",", java.util.Collections.nCopies(12_000, "\"1.1\""));
        String big = EVIDENCE_WITHOUT_ID_OR_TIME.replace("[\"1.1\",\"1.2\"]", "[" + codes + "]");

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(big))
                .hasStatus(400).bodyJson().hasPathSatisfying("$.errors[0].problems[0]", p -> p.assertThat().asString()
                        .contains("over the limit of 65536 bytes a record on the activity topic may have"));
        verifyNoInteractions(publisher);
    }

    @Test
    void anEventIdReusedForOtherContentInOneRequestIsAConflictAndNothingIsAccepted() {
        String first = ENROLLED;
        String second = ENROLLED.replace("\"2026-A\"", "\"2026-B\"");

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content("[" + first + "," + second + "]"))
                .hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.conflicts[0].index", i -> i.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.conflicts[0].problem", p -> p.assertThat().asString()
                        .contains("already used by item 0 of this request, with a different cohortId"));
        verifyNoInteractions(publisher);
    }

    @Test
    void anEventIdAlreadyAppliedWithOtherContentIsAConflict() {
        String evidence = EVIDENCE_WITHOUT_ID_OR_TIME.replace("{\"type\"", "{\"eventId\":\"e02a5254-5596-567a-a82a-40e8ac65c606\",\"type\"");
        var applied = new io.qualtrack.contract.activity.EvidenceSubmitted(java.util.UUID.fromString("e02a5254-5596-567a-a82a-40e8ac65c606"),
                Instant.parse("2026-09-02T09:00:00Z"), 1, "L-1", "C-1", "SELM7-CERT", "SELM7-04", 1, "dup-first.pdf", List.of("2.2"));
        org.mockito.BDDMockito.given(appliedEvents.appliedUnderIdsOf(any()))
                .willReturn(java.util.Map.of(applied.eventId(), applied));

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(evidence))
                .hasStatus(409).bodyJson()
                .hasPathSatisfying("$.conflicts[0].problem", p -> p.assertThat().asString()
                        .contains("already used by an event applied before, with a different evidenceRef, criterionCodes"));
        verifyNoInteractions(publisher);
    }

    @Test
    void theSameEventTwiceInOneRequestIsAcceptedAndPublishedOnce() {
        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content("[" + ENROLLED + "," + ENROLLED + "]"))
                .hasStatus(202);
        assertThat(published()).hasSize(1);
    }
}
