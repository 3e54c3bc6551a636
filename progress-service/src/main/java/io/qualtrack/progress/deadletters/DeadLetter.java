package io.qualtrack.progress.deadletters;

import org.jspecify.annotations.Nullable;

/**
 * An activity record that can never be applied, with why. {@code payload} is the record as
 * received, so it can be inspected and re-driven after a fix.
 */
public record DeadLetter(byte[] payload, @Nullable String learnerId, @Nullable String eventId,
                         RejectionReason reason, String detail, @Nullable RecordOrigin origin) {
}
