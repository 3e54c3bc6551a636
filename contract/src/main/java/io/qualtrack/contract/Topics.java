package io.qualtrack.contract;

/**
 * Every Kafka topic the services share, in one place. Each topic carries exactly one sealed event
 * hierarchy of this module.
 */
public final class Topics {

    /** {@link io.qualtrack.contract.content.ContentEvent}s, compacted, keyed by {@link io.qualtrack.contract.content.ContentEvent#key()}. */
    public static final String CONTENT = "qualtrack.content.v1";

    /** {@link io.qualtrack.contract.activity.LearnerActivityEvent}s keyed by learner id. */
    public static final String ACTIVITY = "qualtrack.activity.v1";

    /** Activity that could not be applied, with the reason in the record headers. */
    public static final String ACTIVITY_DEAD_LETTER = "qualtrack.activity.v1.dlt";

    /** {@link io.qualtrack.contract.progress.ProgressEvent}s keyed by learner id: the read side's input. */
    public static final String PROGRESS = "qualtrack.progress.v1";

    /** Progress snapshots report-service could not apply, as received, with the reason in the record headers. */
    public static final String PROGRESS_REPORT_DEAD_LETTER = "qualtrack.progress.v1.report.dlt";

    private Topics() {
    }
}
