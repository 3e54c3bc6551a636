package io.qualtrack.content.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * A unit as an author writes it: learning outcomes, and criteria that each name their learning
 * outcome. {@link UnitDraftRules} decides whether it may become a {@link Unit} version.
 */
public record UnitDraft(String title, String summary, List<Outcome> learningOutcomes,
                        List<Criterion> criteria, UnitGuidance guidance) {

    public UnitDraft {
        learningOutcomes = UnitGuidance.nullToEmpty(learningOutcomes);
        criteria = UnitGuidance.nullToEmpty(criteria);
        guidance = guidance == null ? UnitGuidance.NONE : guidance;
    }

    public record Outcome(String code, String text) {
    }

    public record Criterion(String code, String learningOutcome, String text) {
    }

    /** The draft as a unit version, if {@link UnitDraftRules} find nothing wrong with it. */
    public Unit toUnit(String code, int version, Instant createdAt) {
        List<Violation> violations = UnitDraftRules.check(code, this);
        if (!violations.isEmpty()) {
            throw new InvalidUnitException(violations);
        }
        var outcomes = learningOutcomes.stream()
                .map(lo -> new LearningOutcome(lo.code().trim(), lo.text().trim(), criteria.stream()
                        .filter(c -> c.learningOutcome().trim().equals(lo.code().trim()))
                        .map(c -> new AssessmentCriterion(c.code().trim(), c.text().trim()))
                        .toList()))
                .toList();
        return new Unit(code, version, title.trim(), summary == null ? "" : summary.trim(), outcomes, guidance, createdAt);
    }
}
