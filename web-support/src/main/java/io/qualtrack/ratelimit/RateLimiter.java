package io.qualtrack.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;

/**
 * One Bucket4j bucket per key (a caller, a remote address), in this instance's memory: behind a load balancer each
 * instance gives a key its own allowance. A bucket left alone until it would be full again is forgotten (a new one is
 * the same), and at most {@value #REMEMBERED} are kept, the least used forgotten first, so keys that anyone can make
 * up (addresses) cannot fill the memory.
 */
public class RateLimiter {

    static final long REMEMBERED = 100_000;

    private final RequestAllowance allowance;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RequestAllowance allowance, Clock clock) {
        this.allowance = allowance;
        this.time = Waits.timeOf(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterAccess(allowance.timeToFill())
                .ticker(time::currentTimeNanos).build();
    }

    /** Takes one request from the key's allowance: zero when it may go ahead, else how long until it may. */
    public Duration take(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> allowance.bucket(time)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How long until the key may take one request, taking nothing: zero when it may now. */
    public Duration refusedFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    public RequestAllowance allowance() {
        return allowance;
    }
}
