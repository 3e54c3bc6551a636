package io.qualtrack.report.trend;

import io.qualtrack.report.trend.DailyContribution.DayFigures;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An enrolment's contribution replaced by the one of its newer snapshot. Its writes set the new
 * figures and remove the old ones that no longer hold; setting and removing are idempotent, so
 * writing them again after a crash (from the same stored contribution) gives the same day documents.
 */
public record ContributionChange(String enrolmentId, @Nullable DailyContribution before, DailyContribution after) {

    /** Set ({@code figures} given) or remove ({@code null}) one enrolment's figures on one cohort day. */
    public record DayWrite(String centreId, String cohortId, LocalDate day, String enrolmentId, @Nullable DayFigures figures) {
    }

    public List<DayWrite> writes() {
        List<DayWrite> writes = new ArrayList<>();
        Map<LocalDate, DayFigures> now = after.byDay();
        boolean sameCohort = before != null && before.centreId().equals(after.centreId())
                && before.cohortId().equals(after.cohortId());
        Map<LocalDate, DayFigures> then = sameCohort ? before.byDay() : Map.of();
        if (before != null) {
            before.byDay().keySet().stream().filter(day -> !sameCohort || !now.containsKey(day))
                    .forEach(day -> writes.add(new DayWrite(before.centreId(), before.cohortId(), day, enrolmentId, null)));
        }
        now.forEach((day, figures) -> {
            if (!figures.equals(then.get(day))) {
                writes.add(new DayWrite(after.centreId(), after.cohortId(), day, enrolmentId, figures));
            }
        });
        return writes;
    }
}
