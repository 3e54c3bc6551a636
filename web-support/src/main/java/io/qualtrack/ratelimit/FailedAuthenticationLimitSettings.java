package io.qualtrack.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many failed authentications (requests with an {@code Authorization} header answered {@code 401}: a bad, forged,
 * expired or foreign token) one remote address may cause before every request of its that carries a token is refused
 * with {@code 429}, before the token is read, until its bucket refills. On by default in every service that takes
 * bearer tokens.
 * <p>
 * The remote address is the servlet request's: the TCP peer, unless {@code server.forward-headers-strategy} is set
 * ({@code native}: the server's own {@code RemoteIpValve}; {@code framework}: Spring's {@code ForwardedHeaderFilter}),
 * when it is the client address the trusted proxy put in {@code X-Forwarded-For} / {@code Forwarded}. Behind a proxy
 * without that setting every caller has the proxy's address and shares one allowance; with it set for a proxy that
 * does not overwrite those headers, a caller may name any address it likes.
 * <p>
 * The defaults: 30 failures in a burst, then 30 every 5 minutes (one every 10 s). A centre's systems behind one address
 * whose tokens expire get a 401 each and fetch a new token, far below that; the probe that found no limit (F37: 100 bad
 * tokens in 0.2 s) gets 30 answered 401 and the rest 429.
 *
 * @param enabled        whether this service limits failed authentications at all
 * @param capacity       failures an address may cause in a burst
 * @param refillRequests how many come back ...
 * @param refillPeriod   ... in this time
 */
@ConfigurationProperties("qualtrack.rate-limit.failed-authentications")
public record FailedAuthenticationLimitSettings(@DefaultValue("true") boolean enabled,
                                                @DefaultValue("30") long capacity,
                                                @DefaultValue("30") long refillRequests,
                                                @DefaultValue("5m") Duration refillPeriod) {

    public FailedAuthenticationLimitSettings {
        new RequestAllowance(capacity, refillRequests, refillPeriod); // refuses settings that cannot work, at start-up
    }

    public RequestAllowance allowance() {
        return new RequestAllowance(capacity, refillRequests, refillPeriod);
    }
}
