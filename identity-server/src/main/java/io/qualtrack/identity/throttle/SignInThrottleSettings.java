package io.qualtrack.identity.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many failed sign-ins are allowed before the identity server backs off: per client id at the token endpoint and
 * per username at the sign-in form, and per remote address for each (higher: one address may be many people).
 *
 * @param allowedFailures           failures per client id or username before the first back-off
 * @param allowedFailuresPerAddress failures from one address (any client ids, any usernames) before it backs off
 * @param firstBackOff              how long attempts are refused once the allowance is spent
 * @param longestBackOff            the back-off doubles with each failure after one, up to this
 * @param forgetAfter               failures are forgotten this long after the last one
 */
@ConfigurationProperties("qualtrack.identity.sign-in-throttle")
public record SignInThrottleSettings(@DefaultValue("5") int allowedFailures,
                                     @DefaultValue("20") int allowedFailuresPerAddress,
                                     @DefaultValue("30s") Duration firstBackOff,
                                     @DefaultValue("15m") Duration longestBackOff,
                                     @DefaultValue("1h") Duration forgetAfter) {

    public SignInThrottleSettings {
        if (allowedFailures < 1 || allowedFailuresPerAddress < 1) {
            throw new IllegalArgumentException("allowed-failures and allowed-failures-per-address must be at least 1");
        }
        if (!firstBackOff.isPositive() || longestBackOff.compareTo(firstBackOff) < 0) {
            throw new IllegalArgumentException("first-back-off must be positive and no longer than longest-back-off");
        }
        if (forgetAfter.compareTo(longestBackOff) < 0) {
            throw new IllegalArgumentException("forget-after must be at least longest-back-off, or a back-off would be forgotten before it ends");
        }
    }
}
