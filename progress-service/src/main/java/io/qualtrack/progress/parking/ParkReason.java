package io.qualtrack.progress.parking;

public enum ParkReason {
    /** the qualification or a unit version it names has not come in on the content topic yet */
    AWAITING_CONTENT,
    /** activity for an enrolment whose LearnerEnrolled has not been applied yet */
    AWAITING_ENROLMENT
}
