package io.qualtrack.localstack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's table: one line per figure, with its baseline and target where it has them; printed and written to a file. */
final class Figures {

    private final List<String> lines = new ArrayList<>();

    void heading(String text) {
        lines.add("");
        lines.add("## " + text);
    }

    void line(String format, Object... args) {
        lines.add(String.format(Locale.ROOT, format, args));
    }

    /** A figure against a target: "met" or "NOT met", never a failure (the benchmark reports, it does not judge). */
    void target(String what, boolean met, String detail) {
        line("  %-46s %-8s %s", what, met ? "met" : "NOT met", detail);
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text());
    }
}
