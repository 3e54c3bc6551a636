package io.qualtrack.progress.enrolment;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.values.Identifiers;

/**
 * A learner on a qualification at a centre: the unit of consistency, stored as one document. A learner id is the
 * centre's own reference, so the same id at two centres is two people with two enrolments that never meet.
 */
public record EnrolmentId(String centreId, String learnerId, String qualificationCode) {

    public static EnrolmentId of(LearnerActivityEvent event) {
        return new EnrolmentId(event.centreId(), event.learnerId(), event.qualificationCode());
    }

    /** The document id: centre and learner first, so the enrolments of one learner sort together. */
    public String value() {
        return Identifiers.key(centreId, learnerId, qualificationCode);
    }

    /** What parked activity for this enrolment waits for. */
    public String waitingKey() {
        return "enrolment/" + value();
    }
}
