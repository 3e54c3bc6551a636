package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.catalogue.UnitDraft;
import io.qualtrack.content.catalogue.UnitGuidance;

import java.util.List;

/**
 * The body of {@code POST /api/units/{code}/versions}: the same shape as the curated files under
 * {@code catalogue/units/} and as the page importer's draft, so either can be posted as it is.
 */
record UnitVersionRequest(String title, String summary, List<UnitDraft.Outcome> learningOutcomes,
                          List<UnitDraft.Criterion> criteria, List<String> assessmentGuidance,
                          List<String> commonMistakes, List<String> keyConcepts, List<String> priorKnowledge) {

    UnitDraft toDraft() {
        return new UnitDraft(title, summary, learningOutcomes, criteria,
                new UnitGuidance(assessmentGuidance, commonMistakes, keyConcepts, priorKnowledge));
    }
}
