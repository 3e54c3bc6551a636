package io.qualtrack.progress.operations;

class DeadLetterNotFoundException extends RuntimeException {

    DeadLetterNotFoundException(DeadLetterId id) {
        super("no dead letter " + id + " on the dead-letter topic");
    }
}
