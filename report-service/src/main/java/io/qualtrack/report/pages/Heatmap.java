package io.qualtrack.report.pages;

import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.report.cohort.CohortSummary;
import io.qualtrack.report.cohort.CohortSummary.CriterionFigures;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each criterion of each unit taken in the cohort, with the share of its active learners who have it
 * met and who have at least evidenced it, worded as the catalogue words it.
 */
public record Heatmap(List<UnitRow> units, int widest) {

    public record UnitRow(String unitCode, String title, double averagePercentMet, List<Cell> criteria) {
    }

    /** @param heat 0 (none met) to 4 (three quarters or more met): the cell's shade */
    public record Cell(String code, String text, int learners, int met, int awaitingAssessment, double percentMet,
                       double percentEvidenced, int heat) {
    }

    static Heatmap of(CohortSummary summary, Function<String, Optional<UnitDefinition>> catalogue) {
        List<UnitRow> units = summary.units().stream()
                .sorted(Comparator.comparing(CohortSummary.UnitFigures::unitCode))
                .map(unit -> {
                    Map<String, String> texts = criterionTexts(catalogue.apply(unit.unitCode()));
                    List<Cell> cells = summary.criteria().stream()
                            .filter(c -> c.unitCode().equals(unit.unitCode()))
                            .sorted(Comparator.comparing(CriterionFigures::criterionCode, Heatmap::byNumber))
                            .map(c -> new Cell(c.criterionCode(), texts.getOrDefault(c.criterionCode(), ""), c.learners(), c.met(),
                                    c.awaitingAssessment(), c.percentMet(), c.percentEvidenced(), heat(c.percentMet())))
                            .toList();
                    String title = catalogue.apply(unit.unitCode()).map(UnitDefinition::title).orElse(unit.title());
                    return new UnitRow(unit.unitCode(), title, unit.averagePercentMet(), cells);
                }).toList();
        return new Heatmap(units, units.stream().mapToInt(u -> u.criteria().size()).max().orElse(0));
    }

    /** The empty cells that pad a unit's row to the widest unit's, so the columns line up. */
    public List<Integer> padding(UnitRow unit) {
        return java.util.stream.IntStream.range(unit.criteria().size(), widest).boxed().toList();
    }

    static int heat(double percentMet) {
        if (percentMet <= 0) {
            return 0;
        }
        return percentMet < 25 ? 1 : percentMet < 50 ? 2 : percentMet < 75 ? 3 : 4;
    }

    private static Map<String, String> criterionTexts(Optional<UnitDefinition> unit) {
        Map<String, String> texts = new HashMap<>();
        unit.ifPresent(u -> u.learningOutcomes().forEach(lo -> lo.criteria().forEach(c -> texts.put(c.code(), c.text()))));
        return texts;
    }

    /** "1.2" before "1.10": criterion codes compared part by part as numbers where they are numbers. */
    static int byNumber(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
