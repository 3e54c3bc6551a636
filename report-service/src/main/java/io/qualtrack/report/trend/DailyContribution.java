package io.qualtrack.report.trend;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one enrolment adds to its cohort's daily figures, read from its newest snapshot: the day it
 * counts from, and on each day the percentage points of its criteria that an assessor judged met that
 * day. Summed over a cohort and accumulated, these give the cohort's average % met on every past day.
 *
 * <p>A criterion counts from the day of the MET decision that stands now; a decision later reversed
 * ("not yet met") leaves the past too, since the criterion was not truly met. A withdrawn enrolment
 * contributes nothing, so the trend follows the learners still active, as the cohort summary does.
 *
 * @param started the day the enrolment counts from (its start, or its first met criterion if earlier);
 *                {@code null} when it contributes nothing
 */
public record DailyContribution(String centreId, String cohortId, @Nullable LocalDate started,
                                SortedMap<LocalDate, Double> pointsMet) {

    public DailyContribution {
        pointsMet = new TreeMap<>(pointsMet);
    }

    public static DailyContribution of(EnrolmentProgress progress) {
        TreeMap<LocalDate, Double> points = new TreeMap<>();
        int criteria = progress.summary().criteria();
        if (progress.status() == EnrolmentStatus.WITHDRAWN || criteria == 0) {
            return new DailyContribution(progress.centreId(), progress.cohortId(), null, points);
        }
        double perCriterion = 100.0 / criteria;
        for (UnitProgress unit : progress.units()) {
            for (LearningOutcomeProgress lo : unit.learningOutcomes()) {
                for (CriterionProgress c : lo.criteria()) {
                    if (c.status() == CriterionStatus.MET || c.status() == CriterionStatus.VERIFIED) {
                        points.merge(metOn(c, progress), perCriterion, Double::sum);
                    }
                }
            }
        }
        LocalDate started = points.isEmpty() || !points.firstKey().isBefore(progress.startDate())
                ? progress.startDate() : points.firstKey();
        return new DailyContribution(progress.centreId(), progress.cohortId(), started, points);
    }

    /** The days this contribution writes to, each with this enrolment's figures for that day. */
    public Map<LocalDate, DayFigures> byDay() {
        TreeMap<LocalDate, DayFigures> days = new TreeMap<>();
        if (started != null) {
            days.put(started, new DayFigures(true, 0.0));
        }
        pointsMet.forEach((day, points) -> days.merge(day, new DayFigures(false, points),
                (a, b) -> new DayFigures(a.started() || b.started(), a.pointsMet() + b.pointsMet())));
        return days;
    }

    /** One enrolment on one day: whether it starts counting that day, and the points it gained. */
    public record DayFigures(boolean started, double pointsMet) {
    }

    private static LocalDate metOn(CriterionProgress criterion, EnrolmentProgress progress) {
        // a met criterion always has its MET decision; the last activity is only a fallback for odd input
        CriterionProgress.Decision decision = criterion.assessment();
        return (decision != null ? decision.at() : progress.lastActivityAt()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
