package io.qualtrack.progress.operations;

/** An operations request that cannot be carried out as asked: answered 400 with the message. */
class InvalidOperationException extends RuntimeException {

    InvalidOperationException(String message) {
        super(message);
    }
}
