package io.qualtrack.progress.tracking;

import io.qualtrack.progress.deadletters.RejectionReason;
import io.qualtrack.progress.parking.ParkReason;

/** What to do with one activity event, decided before it touches an enrolment. */
public sealed interface Admission {

    Admission ACCEPT = new Accept();

    record Accept() implements Admission {
    }

    /** Not applicable yet: held until what it waits for arrives (a unit version, an enrolment). */
    record Park(String waitingFor, ParkReason reason) implements Admission {
    }

    /** Never applicable: dead-lettered with the reason. */
    record Reject(RejectionReason reason, String detail) implements Admission {
    }
}
