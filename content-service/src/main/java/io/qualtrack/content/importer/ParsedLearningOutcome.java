package io.qualtrack.content.importer;

import java.util.Objects;

/** One learning outcome as written on a page, e.g. code "LO1", text "Understand …". */
public record ParsedLearningOutcome(String code, String text) {

    public ParsedLearningOutcome {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** The outcome's number, e.g. 1 for "LO1". */
    public int number() {
        return Integer.parseInt(code.substring(2));
    }
}
