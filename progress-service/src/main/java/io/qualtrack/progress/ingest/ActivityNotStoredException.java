package io.qualtrack.progress.ingest;

/** Kafka did not take the activity; nothing of the submission was accepted and the caller may retry. */
public class ActivityNotStoredException extends RuntimeException {

    public ActivityNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
