package io.qualtrack.content.importer;

import java.util.List;
import java.util.Objects;

/**
 * What {@link UnitPageParser} read from one raw unit revision page.
 *
 * <p>{@code criterionPhrasings} keeps every bullet of the page's assessment criteria section in
 * page order, duplicates included: phrasing number {@code i + 1} is the element at index {@code i}.
 */
public record ParsedUnitPage(
        String title,
        String summary,
        List<String> qualifications,
        List<ParsedLearningOutcome> learningOutcomes,
        List<String> criterionPhrasings,
        List<String> assessmentGuidance,
        List<String> commonMistakes,
        List<String> keyConcepts,
        List<String> priorKnowledge,
        List<String> warnings) {

    public ParsedUnitPage {
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        qualifications = List.copyOf(qualifications);
        learningOutcomes = List.copyOf(learningOutcomes);
        criterionPhrasings = List.copyOf(criterionPhrasings);
        assessmentGuidance = List.copyOf(assessmentGuidance);
        commonMistakes = List.copyOf(commonMistakes);
        keyConcepts = List.copyOf(keyConcepts);
        priorKnowledge = List.copyOf(priorKnowledge);
        warnings = List.copyOf(warnings);
    }
}
