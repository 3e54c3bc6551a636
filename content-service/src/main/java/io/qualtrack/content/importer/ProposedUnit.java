package io.qualtrack.content.importer;

import java.util.List;
import java.util.Objects;

/** A unit proposed from one page, for an author to review before it enters the catalogue. */
public record ProposedUnit(
        String code,
        String title,
        String summary,
        List<ParsedLearningOutcome> learningOutcomes,
        List<DraftCriterion> criteria,
        List<String> assessmentGuidance,
        List<String> commonMistakes,
        List<String> keyConcepts,
        List<String> priorKnowledge,
        List<String> warnings) {

    public ProposedUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        learningOutcomes = List.copyOf(learningOutcomes);
        criteria = List.copyOf(criteria);
        assessmentGuidance = List.copyOf(assessmentGuidance);
        commonMistakes = List.copyOf(commonMistakes);
        keyConcepts = List.copyOf(keyConcepts);
        priorKnowledge = List.copyOf(priorKnowledge);
        warnings = List.copyOf(warnings);
    }

    /** The proposed criteria under one learning outcome, e.g. "LO2". */
    public List<DraftCriterion> criteriaOf(String learningOutcomeCode) {
        return criteria.stream().filter(c -> c.learningOutcome().equals(learningOutcomeCode)).toList();
    }
}
