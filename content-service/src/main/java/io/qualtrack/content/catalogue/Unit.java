package io.qualtrack.content.catalogue;

import java.time.Instant;
import java.util.List;

/** One immutable version of a unit: its learning outcomes, their criteria and the unit's guidance. */
public record Unit(String code, int version, String title, String summary,
                   List<LearningOutcome> learningOutcomes, UnitGuidance guidance, Instant createdAt) {

    public Unit {
        learningOutcomes = List.copyOf(learningOutcomes);
    }

    public int criterionCount() {
        return learningOutcomes.stream().mapToInt(lo -> lo.criteria().size()).sum();
    }
}
