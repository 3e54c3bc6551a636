package io.qualtrack.kafka;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * For consumers whose bad input never fails a batch (it is dead-lettered or skipped): a failure then
 * means MongoDB or Kafka is unreachable, so the batch is retried from the same offsets, with back-off
 * up to 30 s, without end. Nothing is skipped; the partition waits.
 */
public final class EndlessRetry {

    private EndlessRetry() {
    }

    public static DefaultErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
