package io.qualtrack.report.trend;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CohortTrendTest {

    private static final LocalDate START = LocalDate.parse("2026-01-01");

    @Test
    void accumulatesTheDaysIntoTheAverageMetOfTheLearnersCountingByThen() {
        List<CohortDay> days = List.of(
                new CohortDay(START.plusDays(2), 0, 50.0),
                new CohortDay(START, 2, 0.0),
                new CohortDay(START.plusDays(3), 0, 25.0));

        List<CohortTrend.Point> series = CohortTrend.series(days, List.of(), START.plusDays(4));

        assertThat(series).extracting(CohortTrend.Point::day).containsExactly(
                START, START.plusDays(1), START.plusDays(2), START.plusDays(3), START.plusDays(4));
        assertThat(series).extracting(CohortTrend.Point::averagePercentMet).containsExactly(0.0, 0.0, 25.0, 37.5, 37.5);
        assertThat(series).extracting(CohortTrend.Point::learners).containsOnly(2);
    }

    @Test
    void expectsTheAverageShareOfThePlannedPeriodGoneByForLearnersWhoHaveStarted() {
        List<CohortTrend.Plan> plans = List.of(new CohortTrend.Plan(START, START.plusDays(100)),
                new CohortTrend.Plan(START.plusDays(10), START.plusDays(110)));

        List<CohortTrend.Point> series = CohortTrend.series(List.of(new CohortDay(START, 2, 0.0)), plans, START.plusDays(50));

        assertThat(series.get(5).expectedPercent()).as("only the first has started").isEqualTo(5.0);
        assertThat(series.getLast().expectedPercent()).isEqualTo(45.0);
    }

    @Test
    void noDaysNoTrend() {
        assertThat(CohortTrend.series(List.of(), List.of(), START)).isEmpty();
    }
}
