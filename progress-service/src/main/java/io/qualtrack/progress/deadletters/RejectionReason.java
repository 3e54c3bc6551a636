package io.qualtrack.progress.deadletters;

/** Why an activity record went to the dead-letter topic; the value of its reason header and metric tag. */
public enum RejectionReason {
    MALFORMED,
    OVERSIZED,
    UNSUPPORTED_SCHEMA,
    UNKNOWN_UNIT,
    UNKNOWN_CRITERION,
    NOT_ENROLLED,
    /**
     * No longer produced: learner ids were global until enrolments became scoped to their centre. Records dead-lettered
     * with it before then were another centre's own learner; re-driven, they apply to that centre's enrolment.
     */
    CENTRE_MISMATCH,
    /** An event id already applied with other content: the first stands, this one is not applied. */
    CONFLICTING_DUPLICATE,
    /** Well formed and admitted, yet applying it fails every time: a defect to look into, the event kept to re-drive. */
    UNPROCESSABLE
}
