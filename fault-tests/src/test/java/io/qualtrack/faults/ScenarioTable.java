package io.qualtrack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The suite's result: one row per scenario, printed and written to target/faults/summary.txt. */
final class ScenarioTable {

    record Row(String scenario, int events, int lost, int doubleCounted, Duration timeToRecover) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String scenario, int events, Tally tally, Duration timeToRecover) {
        Row row = new Row(scenario, events, tally.lost(), tally.doubleCounted(), timeToRecover);
        rows.add(row);
        System.out.println("[fault-tests] " + row + (tally.clean() ? "" : " " + tally));
    }

    synchronized String render(String heading) {
        StringBuilder out = new StringBuilder(heading).append('\n');
        String format = "| %-44s | %7s | %4s | %14s | %15s |%n";
        out.append(format.formatted("scenario", "events", "lost", "double counted", "time to recover"));
        out.append(format.formatted("-".repeat(44), "-".repeat(7), "-".repeat(4), "-".repeat(14), "-".repeat(15)));
        rows.forEach(r -> out.append(format.formatted(r.scenario(), r.events(), r.lost(), r.doubleCounted(),
                "%.1f s".formatted(r.timeToRecover().toMillis() / 1000.0))));
        return out.toString();
    }

    void write(Path file, String heading) {
        String table = render(heading);
        System.out.println(table);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
