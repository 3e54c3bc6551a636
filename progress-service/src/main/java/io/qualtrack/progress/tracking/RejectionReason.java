package io.qualtrack.progress.tracking;

/** Why an activity record went to the dead-letter topic; the value of its reason header and metric tag. */
public enum RejectionReason {
    MALFORMED,
    OVERSIZED,
    UNSUPPORTED_SCHEMA,
    UNKNOWN_UNIT,
    UNKNOWN_CRITERION,
    NOT_ENROLLED,
    CENTRE_MISMATCH
}
