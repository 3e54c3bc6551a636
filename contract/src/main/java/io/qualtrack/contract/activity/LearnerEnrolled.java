package io.qualtrack.contract.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A centre enrolled a learner on a qualification, in one of its cohorts, for a planned period. */
public record LearnerEnrolled(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String centreId,
        String qualificationCode,
        String cohortId,
        LocalDate startDate,
        LocalDate plannedEndDate) implements LearnerActivityEvent {
}
