package io.qualtrack.contract.progress;

import java.util.List;

public record UnitProgress(String unitCode, int unitVersion, String title, ProgressSummary summary,
                           List<LearningOutcomeProgress> learningOutcomes) {

    public UnitProgress {
        learningOutcomes = List.copyOf(learningOutcomes);
    }
}
