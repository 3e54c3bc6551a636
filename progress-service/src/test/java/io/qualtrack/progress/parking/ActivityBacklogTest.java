package io.qualtrack.progress.parking;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityBacklogTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    @Test
    void notBeforeAnyConsumerHasReadOrAGracePeriodHasPassed() {
        ActivityBacklog backlog = new ActivityBacklog(START);

        assertThat(backlog.caughtUp(START.plusSeconds(30), GRACE)).isFalse();
        assertThat(backlog.caughtUp(START.plus(GRACE).plusSeconds(1), GRACE)).isTrue();
    }

    @Test
    void onlyWhenEveryConsumerHasReadToTheEnd() {
        ActivityBacklog backlog = new ActivityBacklog(START);
        Instant now = START.plusSeconds(60);

        backlog.report("consumer-1", true, now);
        backlog.report("consumer-2", false, now);
        assertThat(backlog.caughtUp(now, GRACE)).as("one is behind, e.g. replaying").isFalse();

        backlog.report("consumer-2", true, now.plusSeconds(1));
        assertThat(backlog.caughtUp(now.plusSeconds(1), GRACE)).isTrue();
    }

    @Test
    void aConsumerInTheMiddleOfABatchIsBehindHoweverLongTheBatchTakes() {
        ActivityBacklog backlog = new ActivityBacklog(START);
        backlog.report("consumer-1", true, START.plusSeconds(10));
        backlog.begin("consumer-2", START.plusSeconds(10));

        Instant longAfter = START.plusSeconds(10).plus(GRACE.multipliedBy(3));
        assertThat(backlog.caughtUp(longAfter, GRACE)).as("the enrolment may be in the batch being applied").isFalse();

        backlog.report("consumer-2", false, longAfter);
        assertThat(backlog.caughtUp(longAfter, GRACE)).isFalse();
        assertThat(backlog.caughtUp(longAfter.plus(GRACE).plusSeconds(1), GRACE)).as("then silent: nothing more to read").isTrue();
    }

    @Test
    void aConsumerSilentForAGracePeriodHasNothingToRead() {
        ActivityBacklog backlog = new ActivityBacklog(START);
        backlog.report("consumer-1", false, START.plusSeconds(10));

        assertThat(backlog.caughtUp(START.plusSeconds(20), GRACE)).isFalse();
        assertThat(backlog.caughtUp(START.plusSeconds(10).plus(GRACE).plusSeconds(1), GRACE)).isTrue();
    }
}
