package io.qualtrack.progress.tracking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The safety net behind the event-driven paths: retries parked activity whose trigger was missed
 * (a crash, or two instances racing), dead-letters activity whose enrolment never came, and re-sends
 * progress snapshots that were stored but not acknowledged by Kafka.
 */
@Component
class ParkingSweeper {

    private static final Logger log = LoggerFactory.getLogger(ParkingSweeper.class);

    private final ActivityProcessor processor;
    private final ParkingProperties properties;
    private final Clock clock;

    ParkingSweeper(ActivityProcessor processor, ParkedActivityStore parked, ParkingProperties properties,
                   Clock clock, MeterRegistry meters) {
        this.processor = processor;
        this.properties = properties;
        this.clock = clock;
        for (ParkReason reason : ParkReason.values()) {
            Gauge.builder("qualtrack.progress.parked", parked, store -> store.count(reason))
                    .description("Activity events waiting for content or an enrolment")
                    .tag("reason", reason.name().toLowerCase()).register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${qualtrack.progress.parking.sweep-interval:30s}",
            initialDelayString = "${qualtrack.progress.parking.sweep-interval:30s}")
    void sweep() {
        try {
            var redriven = processor.redriveLeastRecentlyTried(properties.sweepBatch());
            int expired = processor.expireAwaitingEnrolment(clock.instant().minus(properties.enrolmentGrace()), properties.sweepBatch());
            int republished = processor.publishUnpublished(clock.instant().minus(properties.sweepInterval().multipliedBy(2)),
                    properties.sweepBatch());
            if (redriven.applied() + redriven.rejected() + expired + republished > 0) {
                log.info("Sweep: {} parked applied, {} rejected, {} expired unenrolled, {} snapshots re-sent",
                        redriven.applied(), redriven.rejected(), expired, republished);
            }
        } catch (RuntimeException e) {
            log.warn("Sweep failed, will retry: {}", e.getMessage());
        }
    }
}
