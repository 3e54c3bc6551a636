package io.qualtrack.progress.parking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Whether this instance's activity consumers have read to the end of their partitions. Activity waiting for its
 * enrolment may be given up on (dead-lettered as NOT_ENROLLED) only then: during a replay or while a backlog is
 * worked off, the enrolment may still be further down the partition, however long ago by the clock the activity
 * was parked. Each consumer thread says when it begins a batch and reports after it; a consumer with a backlog
 * keeps polling, so a report older than the grace period means that consumer has had nothing to read since. A
 * consumer in the middle of a batch is never caught up, however long the batch takes: a first batch of a replay
 * on a busy machine can outlast the grace period, and the enrolment that activity waits for may be in it.
 */
public final class ActivityBacklog {

    private record Report(boolean busy, boolean caughtUp, Instant at) {
    }

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Instant started;

    public ActivityBacklog(Instant started) {
        this.started = started;
    }

    /** Before a batch: {@code consumer} is working until it reports. */
    public void begin(String consumer, Instant at) {
        reports.put(consumer, new Report(true, false, at));
    }

    /** After a batch (or its failure: not caught up): whether {@code consumer} has nothing more to read on its partitions. */
    public void report(String consumer, boolean caughtUp, Instant at) {
        reports.put(consumer, new Report(false, caughtUp, at));
    }

    /** True when no consumer is behind or busy; before any report, only once a whole grace period has passed since start. */
    public boolean caughtUp(Instant now, Duration grace) {
        Instant quietSince = now.minus(grace);
        if (reports.isEmpty()) {
            return started.isBefore(quietSince);
        }
        return reports.values().stream().allMatch(r -> !r.busy() && (r.caughtUp() || r.at().isBefore(quietSince)));
    }

    /** What each consumer last said, for the log line of a sweep that gave up on activity. */
    public String describe(Instant now) {
        return reports.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " "
                + (e.getValue().busy() ? "busy" : e.getValue().caughtUp() ? "caught up" : "behind") + " "
                + Duration.between(e.getValue().at(), now).toSeconds() + " s ago").collect(Collectors.joining(", "));
    }
}
