package io.qualtrack.identity.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.qualtrack.ratelimit.Waits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Backs off failed sign-ins, per account (client id or username) and per remote address: once an account or an
 * address has spent its allowed failures, its attempts are refused for a back-off that doubles with every failure
 * after it. A success resets the account (not the address: one good password must not clear a guesser's record).
 * Only what failed is remembered, and for {@code forget-after} at most, for a bounded number of accounts and addresses.
 */
public class SignInThrottle {

    /** Accounts and addresses remembered at most; the least used are forgotten first. */
    private static final long REMEMBERED = 50_000;

    private record Key(Attempt.Kind kind, boolean address, String value) {
    }

    private final SignInThrottleSettings settings;
    private final TimeMeter time;
    private final Cache<Key, FailedAttempts> failures;

    public SignInThrottle(SignInThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.time = Waits.timeOf(clock);
        this.failures = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(settings.forgetAfter())
                .ticker(time::currentTimeNanos).build();
    }

    /** How long this attempt has to wait: zero when it may go ahead. */
    public Duration refusedFor(Attempt attempt) {
        return keys(attempt).stream().map(failures::getIfPresent).filter(Objects::nonNull).map(FailedAttempts::refusedFor)
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    public void failed(Attempt attempt) {
        for (Key key : keys(attempt)) {
            failures.asMap().compute(key, (k, known) -> {
                FailedAttempts attempts = known != null ? known
                        : new FailedAttempts(k.address() ? settings.allowedFailuresPerAddress() : settings.allowedFailures(), settings, time);
                attempts.failed();
                return attempts;
            });
        }
    }

    public void succeeded(Attempt attempt) {
        failures.invalidate(new Key(attempt.kind(), false, attempt.account()));
    }

    private static List<Key> keys(Attempt attempt) {
        List<Key> keys = new ArrayList<>(2);
        keys.add(new Key(attempt.kind(), false, attempt.account()));
        if (attempt.address() != null) {
            keys.add(new Key(attempt.kind(), true, attempt.address()));
        }
        return keys;
    }
}
