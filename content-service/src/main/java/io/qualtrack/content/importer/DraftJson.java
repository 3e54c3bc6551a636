package io.qualtrack.content.importer;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes a {@link ProposedUnit} as pretty-printed JSON, by hand, so the importer needs no JSON library. */
final class DraftJson {

    private static final String INDENT = "  ";

    private DraftJson() {
    }

    static String write(ProposedUnit draft) {
        StringBuilder json = new StringBuilder("{\n");
        field(json, 1, "code", quote(draft.code()), true);
        field(json, 1, "title", quote(draft.title()), true);
        field(json, 1, "summary", quote(draft.summary()), true);
        field(json, 1, "learningOutcomes", array(draft.learningOutcomes(), 1, outcome -> object(2,
                "code", quote(outcome.code()),
                "text", quote(outcome.text()))), true);
        field(json, 1, "criteria", array(draft.criteria(), 1, criterion -> object(2,
                "code", quote(criterion.code()),
                "learningOutcome", quote(criterion.learningOutcome()),
                "text", quote(criterion.text()),
                "sourcePhrasings", inlineNumbers(criterion.sourcePhrasings()))), true);
        field(json, 1, "assessmentGuidance", array(draft.assessmentGuidance(), 1, DraftJson::quote), true);
        field(json, 1, "commonMistakes", array(draft.commonMistakes(), 1, DraftJson::quote), true);
        field(json, 1, "keyConcepts", array(draft.keyConcepts(), 1, DraftJson::quote), true);
        field(json, 1, "priorKnowledge", array(draft.priorKnowledge(), 1, DraftJson::quote), false);
        return json.append("}").toString();
    }

    /** A JSON string literal, escaping what RFC 8259 requires (quote, backslash, control characters). */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static void field(StringBuilder json, int depth, String name, String value, boolean more) {
        json.append(INDENT.repeat(depth)).append(quote(name)).append(": ").append(value).append(more ? ",\n" : "\n");
    }

    private static <T> String array(List<T> items, int depth, Function<T, String> element) {
        if (items.isEmpty()) {
            return "[]";
        }
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            json.append(INDENT.repeat(depth + 1)).append(element.apply(items.get(i)))
                    .append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return json.append(INDENT.repeat(depth)).append(']').toString();
    }

    /** An object from alternating names and already-encoded values. */
    private static String object(int depth, String... namesAndValues) {
        StringBuilder json = new StringBuilder("{\n");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            field(json, depth + 1, namesAndValues[i], namesAndValues[i + 1], i + 2 < namesAndValues.length);
        }
        return json.append(INDENT.repeat(depth)).append('}').toString();
    }

    private static String inlineNumbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
