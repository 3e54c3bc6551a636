package io.qualtrack.system;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus' text exposition format, read as series name → label names (values aside). */
final class PrometheusExposition {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private PrometheusExposition() {
    }

    static Map<String, Set<String>> parse(String text) {
        Map<String, Set<String>> metrics = new TreeMap<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            Matcher m = SAMPLE.matcher(line);
            if (m.find()) {
                Set<String> labels = metrics.computeIfAbsent(m.group(1), name -> new TreeSet<>());
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
                    while (l.find()) {
                        labels.add(l.group(1));
                    }
                }
            }
        });
        return metrics;
    }
}
