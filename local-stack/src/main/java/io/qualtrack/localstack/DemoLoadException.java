package io.qualtrack.localstack;

/** The demo could not be loaded; the message says why, for a person reading the console. */
public final class DemoLoadException extends RuntimeException {

    DemoLoadException(String message) {
        super(message);
    }
}
