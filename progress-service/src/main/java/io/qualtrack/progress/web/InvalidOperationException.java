package io.qualtrack.progress.web;

/** An operations request that cannot be carried out as asked: answered 400 with the message. */
public class InvalidOperationException extends RuntimeException {

    public InvalidOperationException(String message) {
        super(message);
    }
}
