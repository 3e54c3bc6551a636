package io.qualtrack.contract.progress;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrolment's progress changed. Carries the full snapshot, so a consumer needs no history:
 * it keeps the snapshot with the highest {@code revision} per enrolment and ignores older ones.
 */
public record EnrolmentProgressChanged(UUID eventId, Instant occurredAt, int schemaVersion, String learnerId,
                                       String qualificationCode, long revision, EnrolmentProgress progress)
        implements ProgressEvent {
}
