package io.qualtrack.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the isolation suite tried and got: a row per probe, a column per caller, the status in each cell, marked where
 * it was not the expected one ({@code 200≠404}) or where the answer carried another centre's data ({@code 200 LEAK}).
 */
final class IsolationMatrix {

    record Cell(int status, int expected, boolean leaked) {
        boolean wrong() {
            return status != expected || leaked;
        }

        String text() {
            return status + (status != expected ? "≠" + expected : "") + (leaked ? " LEAK" : "");
        }
    }

    private final Map<String, Map<IsolationCaller, Cell>> rows = new LinkedHashMap<>();

    void record(IsolationProbe probe, IsolationCaller caller, Cell cell) {
        rows.computeIfAbsent(probe.label(), label -> new LinkedHashMap<>()).put(caller, cell);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        rows.forEach((label, cells) -> cells.forEach((caller, cell) -> {
            if (cell.wrong()) {
                problems.add(label + " as " + caller.column + ": " + cell.text());
            }
        }));
        return problems;
    }

    String table() {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder out = new StringBuilder(String.format("%-" + width + "s", "endpoint \\ caller"));
        for (IsolationCaller caller : IsolationCaller.values()) {
            out.append(String.format(" | %-9s", caller.column));
        }
        out.append('\n').append("-".repeat(width + 12 * IsolationCaller.values().length)).append('\n');
        rows.forEach((label, cells) -> {
            out.append(String.format("%-" + width + "s", label));
            for (IsolationCaller caller : IsolationCaller.values()) {
                Cell cell = cells.get(caller);
                out.append(String.format(" | %-9s", cell == null ? "" : cell.text()));
            }
            out.append('\n');
        });
        return out.toString();
    }

    /** Prints the table and keeps it in {@code target/isolation-matrix.txt}. */
    void publish() throws IOException {
        String table = table();
        System.out.println("\nTenant isolation: what every caller got from every endpoint\n" + table);
        Path file = Path.of("target", "isolation-matrix.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
    }
}
