package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.values.Identifiers;

/**
 * Which enrolment a snapshot, row or member is: a learner id is the centre's own reference, so two centres may use
 * the same one for two different people, and an enrolment is its centre, learner and qualification together.
 */
public record EnrolmentKey(String centreId, String learnerId, String qualificationCode) {

    public static EnrolmentKey of(EnrolmentProgress progress) {
        return new EnrolmentKey(progress.centreId(), progress.learnerId(), progress.qualificationCode());
    }

    /** The event's own learner and qualification (the snapshot's agree, or it is not stored) at the snapshot's centre. */
    public static EnrolmentKey of(EnrolmentProgressChanged change) {
        return new EnrolmentKey(change.progress().centreId(), change.learnerId(), change.qualificationCode());
    }

    public static EnrolmentKey of(EnrolmentRow row) {
        return new EnrolmentKey(row.centreId(), row.learnerId(), row.qualificationCode());
    }

    /** The {@code _id} of the enrolment's view and snapshot, and its entry in cohorts, learners and cohort days. */
    public String value() {
        return Identifiers.key(centreId, learnerId, qualificationCode);
    }
}
