package io.qualtrack.contract.content;

import java.util.List;

/** One version of a unit, complete: a consumer needs nothing else to validate and score activity. */
public record UnitDefinition(
        String code,
        int version,
        String title,
        String summary,
        List<LearningOutcomeDefinition> learningOutcomes,
        List<String> assessmentGuidance,
        List<String> commonMistakes,
        List<String> keyConcepts,
        List<String> priorKnowledge) {

    public UnitDefinition {
        learningOutcomes = List.copyOf(learningOutcomes);
        assessmentGuidance = List.copyOf(assessmentGuidance);
        commonMistakes = List.copyOf(commonMistakes);
        keyConcepts = List.copyOf(keyConcepts);
        priorKnowledge = List.copyOf(priorKnowledge);
    }

    public record LearningOutcomeDefinition(String code, String text, List<CriterionDefinition> criteria) {

        public LearningOutcomeDefinition {
            criteria = List.copyOf(criteria);
        }
    }

    public record CriterionDefinition(String code, String text) {
    }
}
