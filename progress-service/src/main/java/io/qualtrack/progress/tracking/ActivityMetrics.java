package io.qualtrack.progress.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.deadletters.RejectionReason;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** Counters per event type and outcome, dead letters per reason, batch sizes and event-time lag. Never a learner id. */
@Component
public class ActivityMetrics {

    public enum Outcome {
        APPLIED, DUPLICATE, PARKED, REJECTED
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final DistributionSummary batchSize;
    private final Timer lag;

    public ActivityMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.batchSize = DistributionSummary.builder("qualtrack.progress.batch.size")
                .description("Activity records per consumed batch").publishPercentileHistogram().register(registry);
        this.lag = Timer.builder("qualtrack.progress.event.lag")
                .description("From an activity's occurredAt to its application")
                .publishPercentileHistogram().register(registry);
    }

    public void batch(int size) {
        batchSize.record(size);
    }

    public void outcome(LearnerActivityEvent event, Outcome outcome) {
        outcome(event.getClass().getSimpleName(), outcome);
        if (outcome == Outcome.APPLIED) {
            Duration sinceOccurred = Duration.between(event.occurredAt(), clock.instant());
            lag.record(sinceOccurred.isNegative() ? Duration.ZERO : sinceOccurred);
        }
    }

    public void outcome(String type, Outcome outcome) {
        Counter.builder("qualtrack.progress.activities")
                .description("Activity events consumed, by type and outcome")
                .tag("type", type).tag("outcome", outcome.name().toLowerCase())
                .register(registry).increment();
    }

    public void deadLettered(RejectionReason reason) {
        Counter.builder("qualtrack.progress.dead.letters")
                .description("Activity records sent to the dead-letter topic, by reason")
                .tag("reason", reason.name().toLowerCase())
                .register(registry).increment();
    }
}
