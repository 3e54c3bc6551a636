package io.qualtrack.report.trend;

import io.qualtrack.report.ontrack.OnTrackRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cohort's average % met on every day from its first recorded day to today, accumulated from its
 * day figures, beside the % expected by then for the same learners' planned periods. Plain arithmetic.
 */
public final class CohortTrend {

    private CohortTrend() {
    }

    /** A learner's planned period, for the expected line. */
    public record Plan(LocalDate start, LocalDate plannedEnd) {
    }

    /** @param learners learners counting by that day; the averages are over them */
    public record Point(LocalDate day, int learners, double averagePercentMet, double expectedPercent) {
    }

    public static List<Point> series(List<CohortDay> days, List<Plan> plans, LocalDate today) {
        if (days.isEmpty()) {
            return List.of();
        }
        List<CohortDay> ordered = days.stream().sorted(Comparator.comparing(CohortDay::day)).toList();
        LocalDate last = ordered.getLast().day().isAfter(today) ? ordered.getLast().day() : today;
        List<Point> points = new ArrayList<>();
        int next = 0;
        int learners = 0;
        double pointsMet = 0;
        for (LocalDate day = ordered.getFirst().day(); !day.isAfter(last); day = day.plusDays(1)) {
            for (; next < ordered.size() && !ordered.get(next).day().isAfter(day); next++) {
                learners += ordered.get(next).started();
                pointsMet += ordered.get(next).pointsMet();
            }
            points.add(new Point(day, learners, learners == 0 ? 0.0 : round(pointsMet / learners), expected(plans, day)));
        }
        return points;
    }

    private static double expected(List<Plan> plans, LocalDate day) {
        List<Plan> started = plans.stream().filter(p -> !p.start().isAfter(day)).toList();
        return started.isEmpty() ? 0.0
                : round(started.stream().mapToDouble(p -> OnTrackRules.expectedPercent(p.start(), p.plannedEnd(), day)).average().orElse(0));
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
