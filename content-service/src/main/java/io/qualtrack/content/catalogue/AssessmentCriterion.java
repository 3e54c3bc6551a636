package io.qualtrack.content.catalogue;

/** A criterion a learner must evidence, numbered within its learning outcome ({@code 2.1} is LO2's first). */
public record AssessmentCriterion(String code, String text) {
}
