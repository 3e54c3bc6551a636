package io.qualtrack.testsupport;

import java.util.List;
import java.util.Map;

/** Who a test token is for: its subject and the claims the services read (roles, centres, learner_id). */
public record TestCaller(String subject, Map<String, Object> claims) {

    public static TestCaller staff(String... centres) {
        return new TestCaller("staff-" + String.join("-", centres), Map.of("roles", List.of("centre-staff"), "centres", List.of(centres)));
    }

    public static TestCaller submitter(String... centres) {
        return new TestCaller("system-" + String.join("-", centres), Map.of("roles", List.of("activity-submitter"), "centres", List.of(centres)));
    }

    /** A learner's token names their id and the centre whose reference it is. */
    public static TestCaller learner(String centreId, String learnerId) {
        return new TestCaller("user-" + centreId + "-" + learnerId,
                Map.of("roles", List.of("learner"), "learner_id", learnerId, "centres", List.of(centreId)));
    }

    public static TestCaller author() {
        return new TestCaller("author", Map.of("roles", List.of("content-author")));
    }

    public static TestCaller operations() {
        return new TestCaller("ops", Map.of("roles", List.of("operations")));
    }

    /** Prometheus: a system (client credentials) that may read the metrics and nothing else. */
    public static TestCaller metricsReader() {
        return new TestCaller("prometheus", Map.of("roles", List.of("metrics-reader")));
    }

    /** A signed-in person with no role at all. */
    public static TestCaller nobody() {
        return new TestCaller("nobody", Map.of());
    }
}
