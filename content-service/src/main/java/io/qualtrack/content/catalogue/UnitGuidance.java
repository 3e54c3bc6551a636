package io.qualtrack.content.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a learner's dashboard shows beside the criteria still to evidence. */
public record UnitGuidance(List<String> assessmentGuidance, List<String> commonMistakes,
                           List<String> keyConcepts, List<String> priorKnowledge) {

    public static final UnitGuidance NONE = new UnitGuidance(List.of(), List.of(), List.of(), List.of());

    public UnitGuidance {
        assessmentGuidance = nullToEmpty(assessmentGuidance);
        commonMistakes = nullToEmpty(commonMistakes);
        keyConcepts = nullToEmpty(keyConcepts);
        priorKnowledge = nullToEmpty(priorKnowledge);
    }

    /** Keeps null items so {@link UnitDraftRules} can name them rather than the JSON reader failing. */
    static <T> List<T> nullToEmpty(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
