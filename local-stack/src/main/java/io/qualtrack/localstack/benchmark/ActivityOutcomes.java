package io.qualtrack.localstack.benchmark;

import io.qualtrack.localstack.HttpJson;

import java.util.Locale;

/**
 * What a progress-service instance did with the activity it consumed, from its own counters (the actuator's
 * {@code qualtrack.progress.activities} by outcome and {@code qualtrack.progress.dead.letters}; the benchmark's
 * client has the operations role that reads them): the proof that a pipeline run's events were applied, not
 * parked or dead-lettered. Counters only grow, so a run's share is the difference of two readings.
 */
record ActivityOutcomes(long applied, long duplicates, long parked, long rejected, long deadLetters) {

    static ActivityOutcomes read(HttpJson http, String progressUrl) throws InterruptedException {
        return new ActivityOutcomes(outcome(http, progressUrl, "applied"), outcome(http, progressUrl, "duplicate"),
                outcome(http, progressUrl, "parked"), outcome(http, progressUrl, "rejected"),
                count(http, progressUrl + "/actuator/metrics/qualtrack.progress.dead.letters"));
    }

    ActivityOutcomes since(ActivityOutcomes before) {
        return new ActivityOutcomes(applied - before.applied, duplicates - before.duplicates, parked - before.parked,
                rejected - before.rejected, deadLetters - before.deadLetters);
    }

    String describe() {
        return String.format(Locale.ROOT, "applied %,d, duplicates %,d, parked %,d, rejected %,d, dead-lettered %,d",
                applied, duplicates, parked, rejected, deadLetters);
    }

    private static long outcome(HttpJson http, String progressUrl, String outcome) throws InterruptedException {
        return count(http, progressUrl + "/actuator/metrics/qualtrack.progress.activities?tag=outcome:" + outcome);
    }

    /** A counter's count; 0 while nothing has been counted (the actuator answers 404 for a meter not registered yet). */
    private static long count(HttpJson http, String url) throws InterruptedException {
        HttpJson.Answer answer = http.get(url);
        if (answer.is(404)) {
            return 0;
        }
        if (!answer.is(200)) {
            throw new IllegalStateException("GET " + url + " answered " + answer.describe());
        }
        for (var measurement : http.parse(answer).path("measurements")) {
            if (measurement.path("statistic").asString().equals("COUNT")) {
                return Math.round(measurement.path("value").asDouble());
            }
        }
        throw new IllegalStateException("GET " + url + " has no COUNT: " + answer.describe());
    }
}
