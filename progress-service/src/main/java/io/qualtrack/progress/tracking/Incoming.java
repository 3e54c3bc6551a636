package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.deadletters.RecordOrigin;
import org.jspecify.annotations.Nullable;

/** An activity event about to be processed, with the bytes it arrived as (for a dead letter). */
public record Incoming(LearnerActivityEvent event, byte[] payload, @Nullable RecordOrigin origin) {
}
