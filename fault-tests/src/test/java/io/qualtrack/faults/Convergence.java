package io.qualtrack.faults;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Waits until one progress-service / report-service pair holds exactly the expected: first its store
 * (cheap), then both APIs. Answers the last tally, clean or not, so a failure says what is off.
 */
record Convergence(FaultStack stack, String progressService, String reportService) {

    // the replay from offset 0 is the longest wait: on the MongoDB stand-in (which scans for every query but _id) it took
    // 3 to 4 minutes on the shared 2-core machine after events were stored apart; the time taken is reported either way
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    Tally reach(Expected expected) {
        String database = stack.service(progressService).database();
        AtomicReference<Tally> last = new AtomicReference<>(Tally.NONE);
        try {
            await("progress store of " + progressService).atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> record(last, ProgressStoreCheck.check(stack.mongoUri(database), database, expected)).clean());
            await("read sides").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> record(last, ProgressStoreCheck.check(stack.mongoUri(database), database, expected)
                            .plus(ReadSideCheck.progressApi(stack.url(progressService), expected))
                            .plus(ReadSideCheck.reportApi(stack.url(reportService), expected))).clean());
        } catch (ConditionTimeoutException e) {
            // the last tally says what never converged
        }
        return last.get();
    }

    private static Tally record(AtomicReference<Tally> last, Tally tally) {
        last.set(tally);
        return tally;
    }
}
