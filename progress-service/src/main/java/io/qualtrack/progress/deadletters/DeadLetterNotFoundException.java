package io.qualtrack.progress.deadletters;

public class DeadLetterNotFoundException extends RuntimeException {

    DeadLetterNotFoundException(DeadLetterId id) {
        super("no dead letter " + id + " on the dead-letter topic");
    }
}
