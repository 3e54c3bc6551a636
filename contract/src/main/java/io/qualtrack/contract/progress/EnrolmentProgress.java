package io.qualtrack.contract.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One learner's progress on one qualification, down to each criterion. The catalogue's words (the qualification's
 * and units' titles, the outcomes' and criteria's texts) are filled in where progress is shown; on the progress topic
 * they are left out ({@link #withoutTexts}), since every consumer keeps the catalogue and they are a third of a snapshot.
 */
public record EnrolmentProgress(
        String learnerId,
        String qualificationCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String qualificationTitle,
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

    /** This progress without the catalogue's words: what is published. */
    public EnrolmentProgress withoutTexts() {
        return new EnrolmentProgress(learnerId, qualificationCode, null, centreId, cohortId, startDate, plannedEndDate, status,
                enrolledAt, withdrawnAt, lastActivityAt, summary, units.stream().map(UnitProgress::withoutTexts).toList());
    }
}
