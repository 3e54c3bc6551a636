package io.qualtrack.contract.activity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** The learner left the qualification. Their history stays; they leave the active counts. */
public record LearnerWithdrawn(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String centreId,
        String qualificationCode,
        @Nullable String reason) implements LearnerActivityEvent {
}
