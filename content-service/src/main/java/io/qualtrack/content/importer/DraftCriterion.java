package io.qualtrack.content.importer;

import java.util.List;
import java.util.Objects;

/**
 * A proposed assessment criterion, e.g. code "1.2" under learning outcome "LO1".
 *
 * @param sourcePhrasings the 1-based numbers of the page phrasings merged into this criterion
 * @param confidence      0..1: how clearly the phrasings belong to this learning outcome rather
 *                        than the runner-up (0.5 is a coin toss); worth a closer look when low
 */
public record DraftCriterion(
        String code,
        String learningOutcome,
        String text,
        List<Integer> sourcePhrasings,
        double confidence) {

    public DraftCriterion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(learningOutcome, "learningOutcome");
        Objects.requireNonNull(text, "text");
        sourcePhrasings = List.copyOf(sourcePhrasings);
    }
}
