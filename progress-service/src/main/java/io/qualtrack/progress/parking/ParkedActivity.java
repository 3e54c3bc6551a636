package io.qualtrack.progress.parking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.deadletters.RecordOrigin;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An activity event held until what it waits for arrives; {@code origin}: the record it first came in, if known. */
public record ParkedActivity(LearnerActivityEvent event, String waitingFor, ParkReason reason, Instant parkedAt,
                             @Nullable RecordOrigin origin) {
}
