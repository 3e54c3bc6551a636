package io.qualtrack.faults;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * One counter of one running instance, read from its actuator: how much of a stream that instance handled itself,
 * which is how a scenario sees that instances in one consumer group really share the partitions.
 *
 * @param meter the counter's name, e.g. {@code qualtrack.progress.activities}
 * @param tag   {@code key:value}, e.g. {@code outcome:applied}
 */
record InstanceCounter(String meter, String tag) {

    static final InstanceCounter ACTIVITY_APPLIED = new InstanceCounter("qualtrack.progress.activities", "outcome:applied");
    static final InstanceCounter SNAPSHOTS_APPLIED = new InstanceCounter("qualtrack.report.snapshots", "outcome:applied");

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record Metric(List<Measurement> measurements) {
    }

    private record Measurement(String statistic, double value) {
    }

    /** The count at {@code baseUrl}; 0 while the instance has not counted anything (the counter does not exist yet). */
    long at(String baseUrl) {
        HttpResponse<String> response = Http.get(baseUrl + "/actuator/metrics/" + meter + "?tag=" + tag);
        if (response.statusCode() == 404) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(baseUrl + " answered " + response.statusCode() + " for " + meter);
        }
        return JSON.readValue(response.body(), Metric.class).measurements().stream()
                .filter(m -> m.statistic().equals("COUNT")).mapToLong(m -> (long) m.value()).sum();
    }
}
