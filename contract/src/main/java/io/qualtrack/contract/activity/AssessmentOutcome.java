package io.qualtrack.contract.activity;

/** An assessor's decision on one criterion. */
public enum AssessmentOutcome {
    MET,
    NOT_YET_MET
}
