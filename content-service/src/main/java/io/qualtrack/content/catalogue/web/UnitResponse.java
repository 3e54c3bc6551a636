package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.catalogue.Unit;

import java.time.Instant;
import java.util.List;

/** A unit version as the API shows it, with every version of the unit that exists. */
record UnitResponse(String code, int version, List<Integer> versions, String title, String summary,
                    List<LearningOutcomeResponse> learningOutcomes, List<String> assessmentGuidance,
                    List<String> commonMistakes, List<String> keyConcepts, List<String> priorKnowledge,
                    Instant createdAt) {

    record LearningOutcomeResponse(String code, String text, List<CriterionResponse> criteria) {
    }

    record CriterionResponse(String code, String text) {
    }

    static UnitResponse of(Unit unit, List<Integer> versions) {
        var outcomes = unit.learningOutcomes().stream()
                .map(lo -> new LearningOutcomeResponse(lo.code(), lo.text(), lo.criteria().stream()
                        .map(c -> new CriterionResponse(c.code(), c.text())).toList()))
                .toList();
        var guidance = unit.guidance();
        return new UnitResponse(unit.code(), unit.version(), versions, unit.title(), unit.summary(), outcomes,
                guidance.assessmentGuidance(), guidance.commonMistakes(), guidance.keyConcepts(),
                guidance.priorKnowledge(), unit.createdAt());
    }
}
