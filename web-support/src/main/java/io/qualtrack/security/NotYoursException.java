package io.qualtrack.security;

/**
 * Something outside the caller's tenancy was asked for. Answered 404, exactly as if it did not exist, so a caller
 * learns nothing about other centres' learners or cohorts.
 */
public class NotYoursException extends RuntimeException {

    public NotYoursException(String what) {
        super(what + " is not found");
    }
}
