package io.qualtrack.security;

/** The caller is known and the thing exists, but their roles do not allow this action (answered 403). */
public class ForbiddenActionException extends RuntimeException {

    public ForbiddenActionException(String reason) {
        super(reason);
    }
}
