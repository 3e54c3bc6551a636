package io.qualtrack.content.catalogue;

import java.util.List;

public record LearningOutcome(String code, String text, List<AssessmentCriterion> criteria) {

    public LearningOutcome {
        criteria = List.copyOf(criteria);
    }
}
