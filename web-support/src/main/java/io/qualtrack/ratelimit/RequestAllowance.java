package io.qualtrack.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/**
 * How many requests a bucket lets through: {@code capacity} in a burst, then {@code refillRequests} every
 * {@code refillPeriod}, coming back a little at a time. Every rate limit of the services is one of these.
 */
public record RequestAllowance(long capacity, long refillRequests, Duration refillPeriod) {

    public RequestAllowance {
        if (capacity < 1 || refillRequests < 1 || !refillPeriod.isPositive()) {
            throw new IllegalArgumentException("capacity and refill-requests must be at least 1 and refill-period positive (got "
                    + capacity + ", " + refillRequests + ", " + refillPeriod + ")");
        }
    }

    /** In the caller's words, for the answer to a refused request. */
    public String describe() {
        return capacity + " in a burst, then " + refillRequests + " per " + refillPeriod.toString().substring(2).toLowerCase();
    }

    /** How long an empty bucket takes to be full again: a bucket left alone that long is as good as a new one. */
    Duration timeToFill() {
        return refillPeriod.multipliedBy(capacity).dividedBy(refillRequests).plusSeconds(1);
    }

    Bucket bucket(TimeMeter time) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillRequests, refillPeriod))
                .build();
    }
}
