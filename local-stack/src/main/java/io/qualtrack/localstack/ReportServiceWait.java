package io.qualtrack.localstack;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Waits until report-service's {@code GET /api/centres} counts the demo's learners in the demo's
 * centres. Keeps polling while report-service is not up yet or does not serve the API yet.
 */
final class ReportServiceWait {

    private final HttpJson http;
    private final String reportUrl;
    private String lastSeen = "nothing yet";

    ReportServiceWait(HttpJson http, String reportUrl) {
        this.http = http;
        this.reportUrl = reportUrl;
    }

    /** True once the demo centres' learners add up to {@code expected}; false if they do not within {@code wait}. */
    boolean awaitLearners(Collection<String> centreIds, long expected, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Long> counted = learnersIn(centreIds);
            if (counted.isPresent() && counted.get() == expected) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(1000);
        }
    }

    String lastSeen() {
        return lastSeen;
    }

    /** The cohort summary, if report-service serves it. */
    Optional<JsonNode> cohort(String centreId, String cohortId) throws InterruptedException {
        HttpJson.Answer answer = http.get(reportUrl + "/api/centres/" + centreId + "/cohorts/" + cohortId);
        return answer.is(200) ? Optional.of(http.parse(answer)) : Optional.empty();
    }

    private Optional<Long> learnersIn(Collection<String> centreIds) throws InterruptedException {
        HttpJson.Answer answer = http.get(reportUrl + "/api/centres");
        if (!answer.is(200)) {
            lastSeen = answer.describe();
            return Optional.empty();
        }
        JsonNode centres = http.parse(answer);
        long learners = 0;
        for (JsonNode centre : centres) {
            if (centreIds.contains(centre.path("centreId").asString())) {
                learners += centre.path("learners").asLong();
            }
        }
        lastSeen = learners + " learners in " + centreIds;
        return Optional.of(learners);
    }
}
