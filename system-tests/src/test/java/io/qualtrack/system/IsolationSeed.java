package io.qualtrack.system;

import io.qualtrack.testsupport.TestCaller;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A centre of the isolation suite with its one cohort and its canary learner: an id that must never show up in an
 * answer to anyone who may not see this centre.
 */
enum IsolationSeed {
    NORTH("C-ISO-NORTH", "K-ISO-NORTH", "CANARY-NORTH"),
    SOUTH("C-ISO-SOUTH", "K-ISO-SOUTH", "CANARY-SOUTH");

    private final String centreId;
    private final String cohortId;
    private final String canary;

    IsolationSeed(String centreId, String cohortId, String canary) {
        this.centreId = centreId;
        this.cohortId = cohortId;
        this.canary = canary;
    }

    String centreId() {
        return centreId;
    }

    String cohortId() {
        return cohortId;
    }

    String canary() {
        return canary;
    }

    /** What gives this centre's data away in an answer. */
    List<String> traces() {
        return List.of(centreId, cohortId, canary);
    }

    /** An activity for the canary at this centre. */
    String evidence(String criterion, int unitVersion) {
        return ActivityJson.event("EvidenceSubmitted", centreId, canary,
                ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"evidenceRef\":\"canary-essay\",\"criterionCodes\":[\"%s\"]"
                        .formatted(unitVersion, criterion));
    }

    /**
     * The canary enrolled (months ago, so it is at risk) with one piece of evidence, posted by the centre's own system
     * through the public API; waits until report-service counts it.
     */
    void seed(RunningSystem system, String criterion, int unitVersion) {
        LocalDate start = LocalDate.now().minusMonths(6);
        String enrolled = ActivityJson.event("LearnerEnrolled", centreId, canary,
                ",\"cohortId\":\"%s\",\"startDate\":\"%s\",\"plannedEndDate\":\"%s\"".formatted(cohortId, start, start.plusMonths(9)));
        TestCaller centresSystem = TestCaller.submitter(centreId);
        assertThat(Http.post(system.progressPort, "/api/activities", "[" + enrolled + "," + evidence(criterion, unitVersion) + "]", centresSystem)
                .status()).as("seeding " + centreId).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                Http.get(system.reportPort, "/api/learners/" + canary + "/dashboard", TestCaller.learner(centreId, canary)).status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                Http.get(system.reportPort, "/api/centres/" + centreId + "/cohorts/" + cohortId, TestCaller.staff(centreId)).status())
                .isEqualTo(200));
    }
}
