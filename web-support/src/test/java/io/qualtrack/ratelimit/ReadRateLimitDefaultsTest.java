package io.qualtrack.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The default read limits against a working day of normal use, and against the probe that found none (F35). */
class ReadRateLimitDefaultsTest {

    private final ReadRateLimitSettings defaults = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("qualtrack.rate-limit.reads", ReadRateLimitSettings.class);
    private final MutableClock clock = new MutableClock();
    private final RateLimiter reads = new RateLimiter(defaults.allowance(), clock);
    private final RateLimiter exports = new RateLimiter(defaults.exports().allowance(), clock);

    @Test
    void aManagerWithTenTabsOpenAllDayNeverWaits() {
        // every tab polls its version every 5 s; every 30 s one of them is reloaded or a new page opened; one export a minute
        for (int second = 0; second < 8 * 3600; second += 5) {
            for (int tab = 0; tab < 10; tab++) {
                assertThat(reads.take("north.manager")).isZero();
            }
            if (second % 30 == 0) {
                assertThat(reads.take("north.manager")).isZero();
            }
            if (second % 60 == 0) {
                assertThat(exports.take("north.manager")).isZero();
                assertThat(reads.take("north.manager")).isZero();
            }
            clock.advance(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSystemPagingThroughTwoHundredAndFiftyPagesOfLearnersAtOnceNeverWaits() {
        IntStream.range(0, 250).forEach(page -> assertThat(reads.take("north-mis")).isZero());
    }

    @Test
    void twoHundredExportsAtOnceGetTwentyThroughAndTheRestWaitAboutFifteenSeconds() {
        long through = IntStream.range(0, 200).filter(i -> exports.take("script").isZero()).count();

        assertThat(through).isEqualTo(20);
        assertThat(Waits.retryAfterSeconds(exports.take("script"))).isEqualTo(15);
    }
}
