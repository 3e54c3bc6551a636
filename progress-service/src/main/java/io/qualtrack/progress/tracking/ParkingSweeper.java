package io.qualtrack.progress.tracking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.qualtrack.progress.parking.ActivityBacklog;
import io.qualtrack.progress.parking.ParkReason;
import io.qualtrack.progress.parking.ParkedActivityStore;
import io.qualtrack.progress.parking.ParkingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

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
    private final ActivityBacklog backlog;
    /** Before this instance could open a publication of its own: consumers start after the beans exist. */
    private final Instant created;

    ParkingSweeper(ActivityProcessor processor, ParkedActivityStore parked, ParkingProperties properties,
                   Clock clock, ActivityBacklog backlog, MeterRegistry meters) {
        this.processor = processor;
        this.backlog = backlog;
        this.properties = properties;
        this.clock = clock;
        this.created = clock.instant();
        for (ParkReason reason : ParkReason.values()) {
            Gauge.builder("qualtrack.progress.parked", parked, store -> store.count(reason))
                    .description("Activity events waiting for content or an enrolment")
                    .tag("reason", reason.name().toLowerCase()).register(meters);
        }
    }

    /**
     * Right after start, snapshots that an instance stored but never published (it crashed in between) go out at once,
     * instead of a sweep or two later. Each publication opened before this instance existed belongs to one that
     * crashed, or to another instance still at work: re-sending the latter's is a duplicate with the same event id,
     * which every consumer recognises. In the background, so readiness does not wait on Kafka.
     */
    @EventListener(ApplicationReadyEvent.class)
    void publishWhatARestartFound() {
        Thread.ofVirtual().name("progress-publish-on-start").start(() -> {
            try {
                int republished = processor.publishUnpublished(created, properties.sweepBatch());
                if (republished > 0) {
                    log.info("Start: {} snapshots stored before this start but never published, re-sent", republished);
                }
            } catch (RuntimeException e) {
                log.warn("Re-sending unpublished snapshots at start failed, the sweep will retry: {}", e.getMessage());
            }
        });
    }

    @Scheduled(fixedDelayString = "${qualtrack.progress.parking.sweep-interval:30s}",
            initialDelayString = "${qualtrack.progress.parking.sweep-interval:30s}")
    void sweep() {
        try {
            var redriven = processor.redriveLeastRecentlyTried(properties.sweepBatch());
            // while a consumer is behind (a replay, a backlog), the enrolment may still be coming: give up on nothing
            int expired = backlog.caughtUp(clock.instant(), properties.enrolmentGrace())
                    ? processor.expireAwaitingEnrolment(clock.instant().minus(properties.enrolmentGrace()), properties.sweepBatch())
                    : 0;
            int republished = processor.publishUnpublished(clock.instant().minus(properties.sweepInterval().multipliedBy(2)),
                    properties.sweepBatch());
            if (expired > 0) {
                log.info("Sweep gave up on {} events waiting for their enrolment; activity consumers: {}", expired,
                        backlog.describe(clock.instant()));
            }
            if (redriven.applied() + redriven.rejected() + expired + republished > 0) {
                log.info("Sweep: {} parked applied, {} rejected, {} expired unenrolled, {} snapshots re-sent",
                        redriven.applied(), redriven.rejected(), expired, republished);
            }
        } catch (RuntimeException e) {
            log.warn("Sweep failed, will retry: {}", e.getMessage());
        }
    }
}
