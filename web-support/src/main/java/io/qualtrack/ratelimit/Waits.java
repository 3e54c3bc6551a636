package io.qualtrack.ratelimit;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;

/** Time for token buckets and waits for callers, the same way wherever a request is held back. */
public final class Waits {

    private Waits() {
    }

    /** Bucket4j's time from the application's clock, so tests move it instead of waiting. */
    public static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Whole seconds for a {@code Retry-After} header, rounded up: a caller that waits that long is let through. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
    }

    /** The sentence that tells a refused caller how long to wait. */
    static String tryAgainIn(long seconds) {
        return "Try again in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }
}
