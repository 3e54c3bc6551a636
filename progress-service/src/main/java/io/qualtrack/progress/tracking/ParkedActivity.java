package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.time.Instant;

/** An activity event held until what it waits for arrives. */
public record ParkedActivity(LearnerActivityEvent event, String waitingFor, ParkReason reason, Instant parkedAt) {
}
