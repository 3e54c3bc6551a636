package io.qualtrack.contract.progress;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One learner's progress on one qualification, down to each criterion. */
public record EnrolmentProgress(
        String learnerId,
        String qualificationCode,
        String qualificationTitle,
        String centreId,
        String cohortId,
        LocalDate startDate,
        LocalDate plannedEndDate,
        EnrolmentStatus status,
        Instant enrolledAt,
        @Nullable Instant withdrawnAt,
        Instant lastActivityAt,
        ProgressSummary summary,
        List<UnitProgress> units) {

    public EnrolmentProgress {
        units = List.copyOf(units);
    }

    public enum EnrolmentStatus {
        ACTIVE,
        WITHDRAWN
    }
}
