package io.qualtrack.report.cohort;

/** A centre, cohort or learner no progress has been received for. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
