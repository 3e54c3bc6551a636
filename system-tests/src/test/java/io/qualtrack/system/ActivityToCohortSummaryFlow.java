package io.qualtrack.system;

import io.qualtrack.testsupport.TestCaller;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow, run against any {@link RunningSystem}: the catalogue content-service publishes, activity posted to
 * progress-service, progress in its API, and the cohort summary and learner dashboard in report-service; each call made
 * by whom it would be in production (the centre's system, its staff, the learner).
 */
final class ActivityToCohortSummaryFlow {

    private static final TestCaller CENTRES_SYSTEM = TestCaller.submitter("C-SYS");
    private static final TestCaller STAFF = TestCaller.staff("C-SYS");
    private static final TestCaller LEARNER = TestCaller.learner("C-SYS", "SYS-1");

    private ActivityToCohortSummaryFlow() {
    }

    private static String event(String type, String extra) {
        return ActivityJson.event(type, "C-SYS", "SYS-1", extra);
    }

    static void run(RunningSystem system) {
        JsonNode unit = Http.get(system.contentPort, "/api/units/SELM7-04", STAFF).json();
        String criterion = unit.at("/learningOutcomes/0/criteria/0/code").asString();
        int version = unit.get("version").asInt();
        LocalDate start = LocalDate.now().minusMonths(2);
        String enrolled = event("LearnerEnrolled", ",\"cohortId\":\"K-SYS\",\"startDate\":\"%s\",\"plannedEndDate\":\"%s\""
                .formatted(start, start.plusMonths(12)));
        String evidence = event("EvidenceSubmitted", ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"evidenceRef\":\"sys-essay\",\"criterionCodes\":[\"%s\"]"
                .formatted(version, criterion));
        assertThat(Http.post(system.progressPort, "/api/activities", "[" + enrolled + "," + evidence + "]", CENTRES_SYSTEM).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var summary = Http.get(system.reportPort, "/api/centres/C-SYS/cohorts/K-SYS", STAFF);
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.json().get("learners").asInt()).isEqualTo(1);
            assertThat(summary.json().at("/criteria/0/awaitingAssessment").asInt()).isEqualTo(1);
        });

        String met = event("CriterionAssessed", ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"criterionCode\":\"%s\",\"outcome\":\"MET\",\"assessorId\":\"assessor-1\""
                .formatted(version, criterion));
        long posted = System.nanoTime();
        assertThat(Http.post(system.progressPort, "/api/activities", met, CENTRES_SYSTEM).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(Http.get(system.reportPort, "/api/centres/C-SYS/cohorts/K-SYS", STAFF).json().at("/criteria/0/met").asInt()).isEqualTo(1));
        System.out.printf("activity POST -> visible in the cohort summary: %d ms%n", (System.nanoTime() - posted) / 1_000_000);

        JsonNode progress = Http.get(system.progressPort, "/api/learners/SYS-1/progress", LEARNER).json();
        assertThat(progress.at("/enrolments/0/progress/units/0/learningOutcomes/0/criteria/0/status").asString()).isEqualTo("MET");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(system.reportPort, "/api/learners/SYS-1/dashboard", LEARNER)
                .json().at("/enrolments/0/advice/0/assessmentGuidance").size()).isPositive());
    }
}
