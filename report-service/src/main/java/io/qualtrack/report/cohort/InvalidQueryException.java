package io.qualtrack.report.cohort;

/** A filter, sort or page the caller asked for that does not exist. */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
