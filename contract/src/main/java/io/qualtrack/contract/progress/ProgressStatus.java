package io.qualtrack.contract.progress;

/** Where a learning outcome, unit or qualification stands as a whole. */
public enum ProgressStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /** every criterion met, not all verified yet */
    MET,
    /** every criterion met and verified by internal quality assurance */
    VERIFIED
}
