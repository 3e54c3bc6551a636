package io.qualtrack.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow through a real Kafka broker: the catalogue content-service publishes, activity
 * posted to progress-service, progress in its API, and the cohort summary in report-service.
 */
class ActivityToCohortSummaryTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = new RunningSystem();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    private static String event(String type, String learner, String extra) {
        return """
                {"type":"%s","eventId":"%s","occurredAt":"%s","learnerId":"%s","centreId":"C-SYS",
                 "qualificationCode":"SELM7-CERT"%s}""".formatted(type, UUID.randomUUID(), Instant.now(), learner, extra);
    }

    @Test
    void activityPostedToProgressServiceShowsInTheCohortSummary() {
        JsonNode unit = Http.get(system.contentPort, "/api/units/SELM7-04").json();
        String criterion = unit.at("/learningOutcomes/0/criteria/0/code").asString();
        int version = unit.get("version").asInt();
        LocalDate start = LocalDate.now().minusMonths(2);
        String enrolled = event("LearnerEnrolled", "SYS-1", ",\"cohortId\":\"K-SYS\",\"startDate\":\"%s\",\"plannedEndDate\":\"%s\""
                .formatted(start, start.plusMonths(12)));
        String evidence = event("EvidenceSubmitted", "SYS-1", ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"evidenceRef\":\"sys-essay\",\"criterionCodes\":[\"%s\"]"
                .formatted(version, criterion));
        assertThat(Http.post(system.progressPort, "/api/activities", "[" + enrolled + "," + evidence + "]").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var summary = Http.get(system.reportPort, "/api/centres/C-SYS/cohorts/K-SYS");
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.json().get("learners").asInt()).isEqualTo(1);
            assertThat(summary.json().at("/criteria/0/awaitingAssessment").asInt()).isEqualTo(1);
        });

        String met = event("CriterionAssessed", "SYS-1", ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"criterionCode\":\"%s\",\"outcome\":\"MET\",\"assessorId\":\"assessor-1\""
                .formatted(version, criterion));
        long posted = System.nanoTime();
        assertThat(Http.post(system.progressPort, "/api/activities", met).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(Http.get(system.reportPort, "/api/centres/C-SYS/cohorts/K-SYS").json().at("/criteria/0/met").asInt()).isEqualTo(1));
        System.out.printf("activity POST -> visible in the cohort summary: %d ms%n", (System.nanoTime() - posted) / 1_000_000);

        JsonNode progress = Http.get(system.progressPort, "/api/learners/SYS-1/progress").json();
        assertThat(progress.at("/enrolments/0/progress/units/0/learningOutcomes/0/criteria/0/status").asString()).isEqualTo("MET");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(system.reportPort, "/api/learners/SYS-1/dashboard")
                .json().at("/enrolments/0/advice/0/assessmentGuidance").size()).isPositive());
    }
}
