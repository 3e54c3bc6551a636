package io.qualtrack.contract.progress;

import java.util.List;

public record LearningOutcomeProgress(String code, String text, ProgressSummary summary,
                                      List<CriterionProgress> criteria) {

    public LearningOutcomeProgress {
        criteria = List.copyOf(criteria);
    }
}
