package io.qualtrack.contract.activity;

import java.time.Instant;
import java.util.UUID;

/** Internal quality assurance confirmed an assessor's "met" decision on one criterion. */
public record CriterionVerified(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String centreId,
        String qualificationCode,
        String unitCode,
        int unitVersion,
        String criterionCode,
        String verifierId) implements LearnerActivityEvent {
}
