package io.qualtrack.contract.activity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** An assessor decided whether the evidence meets one criterion. */
public record CriterionAssessed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String centreId,
        String qualificationCode,
        String unitCode,
        int unitVersion,
        String criterionCode,
        AssessmentOutcome outcome,
        String assessorId,
        @Nullable String evidenceRef) implements LearnerActivityEvent {
}
