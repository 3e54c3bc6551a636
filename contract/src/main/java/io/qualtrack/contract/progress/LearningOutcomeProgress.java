package io.qualtrack.contract.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** {@code text} is left out on the progress topic. */
public record LearningOutcomeProgress(String code, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String text, ProgressSummary summary,
                                      List<CriterionProgress> criteria) {

    public LearningOutcomeProgress {
        criteria = List.copyOf(criteria);
    }

    LearningOutcomeProgress withoutTexts() {
        return new LearningOutcomeProgress(code, null, summary, criteria.stream().map(CriterionProgress::withoutText).toList());
    }
}
