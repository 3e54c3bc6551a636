package io.qualtrack.report.pages;

import io.qualtrack.report.ontrack.Rag;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the cohort page shows.
 *
 * @param shown the grid's rows after the query's filters and sort; {@code active} counts the cohort's
 */
public record CohortPage(String centreId, String cohortId, LocalDate asOf, int learners, int active, int withdrawn,
                         double averagePercentMet, double averageExpectedPercent, List<RagCount> byRag, List<UnitOption> units,
                         List<GridRow> shown, List<GridRow> atRisk, Heatmap heatmap, TrendChart trend, GridQuery query,
                         String version) {

    /** How many of the cohort's learners have this status, with its words. */
    public record RagCount(Rag rag, String text, String key, int count) {
    }

    /** A unit as the grid's column and the unit filter show it. */
    public record UnitOption(String code, String title) {
    }

    public String path() {
        return "/centres/" + centreId + "/cohorts/" + cohortId;
    }
}
