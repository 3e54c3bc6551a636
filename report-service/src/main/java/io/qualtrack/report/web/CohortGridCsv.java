package io.qualtrack.report.web;

import io.qualtrack.report.cohort.AssessedRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The learners × units grid as CSV (RFC 4180), one row per learner, one column per unit. Text that a spreadsheet
 * would run as a formula is written as text; the figures (never negative) as numbers.
 */
public final class CohortGridCsv {

    private CohortGridCsv() {
    }

    public static String write(List<AssessedRow> rows) {
        Set<String> units = new LinkedHashSet<>();
        rows.forEach(r -> r.row().units().forEach(u -> units.add(u.unitCode())));
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(List.of("learner_id", "qualification", "rag", "percent_met", "percent_expected",
                    "days_since_last_activity"));
            units.forEach(u -> header.add(asText(u + " percent_met")));
            header.add("reasons");
            printer.printRecord(header);
            for (AssessedRow assessed : rows) {
                var row = assessed.row();
                var onTrack = assessed.onTrack();
                List<String> cells = new ArrayList<>(List.of(asText(row.learnerId()), asText(row.qualificationCode()),
                        onTrack.rag().name(), number(onTrack.actualPercent()), number(onTrack.expectedPercent()),
                        Long.toString(onTrack.daysSinceLastActivity())));
                for (String unit : units) {
                    cells.add(row.units().stream().filter(u -> u.unitCode().equals(unit)).findFirst()
                            .map(u -> number(u.percentMet())).orElse(""));
                }
                cells.add(asText(String.join("; ", onTrack.reasons())));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a StringBuilder", e);
        }
        return csv.toString();
    }

    /**
     * Text a spreadsheet would take for a formula (a leading {@code = + - @}, tab or carriage return, as OWASP lists
     * them) gets a leading apostrophe, so it is shown as written and never run.
     */
    static String asText(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
