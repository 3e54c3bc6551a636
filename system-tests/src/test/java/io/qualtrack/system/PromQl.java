package io.qualtrack.system;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names and label names a PromQL expression uses (strings, ranges and Grafana variables aside). */
record PromQl(Set<String> metrics, Set<String> labels, Set<String> applications) {

    private static final Set<String> WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");
    private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static PromQl parse(String expr) {
        Set<String> labels = new TreeSet<>();
        Set<String> applications = new TreeSet<>();
        StringBuilder rest = new StringBuilder();
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Matcher matcher = MATCHER.matcher(selector.group(1));
            while (matcher.find()) {
                labels.add(matcher.group(1));
                if (matcher.group(1).equals("application") && matcher.group(2).equals("=")) {
                    applications.add(matcher.group(3));
                }
            }
            selector.appendReplacement(rest, " ");
        }
        selector.appendTail(rest);
        String text = rest.toString().replaceAll("\"[^\"]*\"", " ").replaceAll("\\[[^]]*]", " ");
        Matcher grouping = GROUPING.matcher(text);
        StringBuilder withoutGroupings = new StringBuilder();
        while (grouping.find()) {
            for (String label : grouping.group(2).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
            grouping.appendReplacement(withoutGroupings, " ");
        }
        grouping.appendTail(withoutGroupings);
        text = withoutGroupings.toString();
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            int before = identifier.start() - 1;
            if (before >= 0 && (Character.isDigit(text.charAt(before)) || text.charAt(before) == '$' || text.charAt(before) == '.')) {
                continue;
            }
            String after = text.substring(identifier.end()).stripLeading();
            String word = identifier.group();
            if (after.startsWith("(") || WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            metrics.add(word);
        }
        return new PromQl(metrics, labels, applications);
    }
}
