package io.qualtrack.report.ontrack;

/** Red, amber, green: how an active enrolment stands; withdrawn learners are outside the scale. */
public enum Rag {
    GREEN, AMBER, RED, WITHDRAWN;

    Rag atLeast(Rag other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
