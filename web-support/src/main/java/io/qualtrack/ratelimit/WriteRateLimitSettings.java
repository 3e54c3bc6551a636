package io.qualtrack.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How many writes (POST, PUT, PATCH, DELETE) each caller may send to a service's API: a bucket of {@code capacity}
 * requests that refills by {@code refill-requests} every {@code refill-period}, a little at a time. Each service turns
 * it on in its own configuration. The defaults leave room for the demo loader (a handful of POSTs of 500 activities
 * each, one after another) and refuse a client hammering the API (the probe's 200 POSTs in half a second).
 *
 * @param enabled         whether this service limits its callers' writes at all
 * @param paths           which paths count (Spring MVC path patterns)
 * @param capacity        the most writes a caller may send in a burst
 * @param refillRequests  how many writes come back ...
 * @param refillPeriod    ... in this time: the rate a caller may keep up
 */
@ConfigurationProperties("qualtrack.rate-limit.writes")
public record WriteRateLimitSettings(@DefaultValue("false") boolean enabled,
                                     @DefaultValue("/api/**") List<String> paths,
                                     @DefaultValue("60") long capacity,
                                     @DefaultValue("60") long refillRequests,
                                     @DefaultValue("1m") Duration refillPeriod) {

    public WriteRateLimitSettings {
        new RequestAllowance(capacity, refillRequests, refillPeriod); // refuses settings that cannot work, at start-up
        paths = List.copyOf(paths);
    }

    public RequestAllowance allowance() {
        return new RequestAllowance(capacity, refillRequests, refillPeriod);
    }
}
