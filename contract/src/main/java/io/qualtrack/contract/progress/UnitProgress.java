package io.qualtrack.contract.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** A unit in the version the learner's activity used; {@code title} is left out on the progress topic. */
public record UnitProgress(String unitCode, int unitVersion, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String title, ProgressSummary summary,
                           List<LearningOutcomeProgress> learningOutcomes) {

    public UnitProgress {
        learningOutcomes = List.copyOf(learningOutcomes);
    }

    UnitProgress withoutTexts() {
        return new UnitProgress(unitCode, unitVersion, null, summary,
                learningOutcomes.stream().map(LearningOutcomeProgress::withoutTexts).toList());
    }
}
