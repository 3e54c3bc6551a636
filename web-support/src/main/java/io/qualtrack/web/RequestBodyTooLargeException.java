package io.qualtrack.web;

import java.io.IOException;
import java.util.Optional;

/** A request body grew past the limit while it was being read (answered 413). */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    public RequestBodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The one behind {@code failure}, as thrown by the stream or wrapped by a message converter on the way up. */
    static Optional<RequestBodyTooLargeException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
