package io.qualtrack.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j bucket per caller, in this instance's memory: behind a load balancer each instance gives a caller its
 * own allowance. Callers are the subjects of valid tokens, so there are only as many buckets as the identity provider
 * has clients and people.
 */
public class WriteRateLimiter {

    private final WriteRateLimitSettings settings;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public WriteRateLimiter(WriteRateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.time = Waits.timeOf(clock);
    }

    /** Takes one write from the caller's allowance: zero when it may go ahead, else how long until it may. */
    public Duration take(String caller) {
        ConsumptionProbe probe = buckets.computeIfAbsent(caller, c -> bucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    public WriteRateLimitSettings settings() {
        return settings;
    }

    private Bucket bucket() {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(settings.capacity()).refillGreedy(settings.refillRequests(), settings.refillPeriod()))
                .build();
    }
}
