package io.qualtrack.report.web;

import io.qualtrack.report.cohort.AssessedRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The learners × units grid as CSV (RFC 4180), one row per learner, one column per unit. */
public final class CohortGridCsv {

    private CohortGridCsv() {
    }

    public static String write(List<AssessedRow> rows) {
        Set<String> units = new LinkedHashSet<>();
        rows.forEach(r -> r.row().units().forEach(u -> units.add(u.unitCode())));
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("learner_id", "qualification", "rag", "percent_met", "percent_expected",
                "days_since_last_activity"));
        units.forEach(u -> header.add(u + " percent_met"));
        header.add("reasons");
        line(csv, header);
        for (AssessedRow assessed : rows) {
            var row = assessed.row();
            var onTrack = assessed.onTrack();
            List<String> cells = new ArrayList<>(List.of(row.learnerId(), row.qualificationCode(), onTrack.rag().name(),
                    number(onTrack.actualPercent()), number(onTrack.expectedPercent()), Long.toString(onTrack.daysSinceLastActivity())));
            for (String unit : units) {
                cells.add(row.units().stream().filter(u -> u.unitCode().equals(unit)).findFirst()
                        .map(u -> number(u.percentMet())).orElse(""));
            }
            cells.add(String.join("; ", onTrack.reasons()));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String escape(String cell) {
        boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        // a leading =, +, - or @ would be read as a formula by spreadsheet software
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
