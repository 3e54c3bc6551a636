package io.qualtrack.identity.throttle;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/**
 * The failed sign-ins of one client id, username or address, in a Bucket4j bucket. At first the bucket holds the
 * allowed failures; once they are spent, it is replaced by a bucket of one failure that fills only after the back-off,
 * and each time that one is spent too the back-off doubles, up to the longest. Refused attempts never reach the
 * bucket: only failures are counted.
 */
final class FailedAttempts {

    private final TimeMeter time;
    private final Duration longestBackOff;
    private Bucket bucket;
    private Duration nextBackOff;

    FailedAttempts(int allowed, SignInThrottleSettings settings, TimeMeter time) {
        this.time = time;
        this.longestBackOff = settings.longestBackOff();
        this.nextBackOff = settings.firstBackOff();
        this.bucket = bucket(allowed, allowed, settings.forgetAfter());
    }

    /** How long attempts are refused for from now: zero when the next one may go ahead. */
    synchronized Duration refusedFor() {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    synchronized void failed() {
        bucket.tryConsume(1);
        if (bucket.getAvailableTokens() == 0) {
            bucket = bucket(1, 0, nextBackOff);
            nextBackOff = nextBackOff.multipliedBy(2).compareTo(longestBackOff) < 0 ? nextBackOff.multipliedBy(2) : longestBackOff;
        }
    }

    private Bucket bucket(int capacity, int initial, Duration refill) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, refill).initialTokens(initial))
                .build();
    }
}
