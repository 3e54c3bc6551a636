package io.qualtrack.progress.parking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long parked activity may wait, and how often the sweeper looks at it.
 *
 * @param enrolmentGrace how long activity may wait for its learner's enrolment before it is
 *                       dead-lettered as NOT_ENROLLED (activity waiting for content waits until it comes)
 * @param sweepInterval  how often parked activity is retried and unpublished progress re-sent
 * @param sweepBatch     the most parked events or snapshots handled per sweep
 */
@ConfigurationProperties("qualtrack.progress.parking")
public record ParkingProperties(@DefaultValue("10m") Duration enrolmentGrace,
                                @DefaultValue("30s") Duration sweepInterval,
                                @DefaultValue("500") int sweepBatch) {
}
