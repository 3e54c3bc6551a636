package io.qualtrack.content.seed;

import io.qualtrack.content.catalogue.UnitDraft;
import io.qualtrack.content.catalogue.UnitGuidance;

import java.util.List;

/**
 * One curated unit file under {@code catalogue/units/}. {@code source} and each criterion's
 * {@code sourcePhrasings} trace the curation back to the page's numbered criterion bullets.
 */
record SeedUnit(String code, String title, String source, String summary,
                List<UnitDraft.Outcome> learningOutcomes, List<SeedCriterion> criteria,
                List<String> assessmentGuidance, List<String> commonMistakes,
                List<String> keyConcepts, List<String> priorKnowledge) {

    record SeedCriterion(String code, String learningOutcome, String text, List<Integer> sourcePhrasings) {
    }

    @Override
    public String toString() {
        return code;
    }

    UnitDraft toDraft() {
        return new UnitDraft(title, summary, learningOutcomes,
                criteria.stream().map(c -> new UnitDraft.Criterion(c.code(), c.learningOutcome(), c.text())).toList(),
                new UnitGuidance(assessmentGuidance, commonMistakes, keyConcepts, priorKnowledge));
    }
}
