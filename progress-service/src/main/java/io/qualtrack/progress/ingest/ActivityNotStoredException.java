package io.qualtrack.progress.ingest;

/** Kafka did not take the activity; nothing of the submission was accepted and the caller may retry. */
public class ActivityNotStoredException extends RuntimeException {

    private final boolean retryable;

    /** @param retryable whether the same request may succeed later (Kafka unreachable), or never will as things stand */
    public ActivityNotStoredException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
