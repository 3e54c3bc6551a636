package io.qualtrack.progress.tracking;

/** Why an activity record went to the dead-letter topic; the value of its reason header and metric tag. */
public enum RejectionReason {
    MALFORMED,
    OVERSIZED,
    UNSUPPORTED_SCHEMA,
    UNKNOWN_UNIT,
    UNKNOWN_CRITERION,
    NOT_ENROLLED,
    CENTRE_MISMATCH,
    /** An event id already applied with other content: the first stands, this one is not applied. */
    CONFLICTING_DUPLICATE,
    /** Well formed and admitted, yet applying it fails every time: a defect to look into, the event kept to re-drive. */
    UNPROCESSABLE
}
