package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;

/** A learner on a qualification: the unit of consistency, stored as one document. */
public record EnrolmentId(String learnerId, String qualificationCode) {

    public static EnrolmentId of(LearnerActivityEvent event) {
        return new EnrolmentId(event.learnerId(), event.qualificationCode());
    }

    /** The document id: learner first, so ids of one learner sort together. */
    public String value() {
        return learnerId + "|" + qualificationCode;
    }

    /** What parked activity for this enrolment waits for. */
    public String waitingKey() {
        return "enrolment/" + value();
    }
}
