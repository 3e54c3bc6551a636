package io.qualtrack.progress.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this instance's activity consumers have read to the end of their partitions. Activity waiting for its
 * enrolment may be given up on (dead-lettered as NOT_ENROLLED) only then: during a replay or while a backlog is
 * worked off, the enrolment may still be further down the partition, however long ago by the clock the activity
 * was parked. Each consumer thread reports after every batch; a consumer with a backlog keeps polling, so a
 * report older than the grace period means that consumer has had nothing to read since.
 */
public final class ActivityBacklog {

    private record Report(boolean caughtUp, Instant at) {
    }

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Instant started;

    public ActivityBacklog(Instant started) {
        this.started = started;
    }

    /** After a batch: whether {@code consumer} has nothing more to read on its partitions. */
    public void report(String consumer, boolean caughtUp, Instant at) {
        reports.put(consumer, new Report(caughtUp, at));
    }

    /** True when no consumer is behind; before any report, only once a whole grace period has passed since start. */
    public boolean caughtUp(Instant now, Duration grace) {
        Instant quietSince = now.minus(grace);
        if (reports.isEmpty()) {
            return started.isBefore(quietSince);
        }
        return reports.values().stream().allMatch(r -> r.caughtUp() || r.at().isBefore(quietSince));
    }
}
