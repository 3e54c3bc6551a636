package io.qualtrack.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Applies a batch whole and, when that fails for a reason that is not {@linkplain TransientFailures transient},
 * again one record at a time: a record that fails on its own is handed to {@code setAside} (dead-lettered with
 * the reason) and every other record is applied, so one record can never stop a partition. A transient failure
 * is thrown, for the consumer's error handler to retry the batch; what the batch applied before it is
 * recognised as already applied on the retry, since every consumer here is idempotent.
 */
public final class PoisonIsolation {

    private static final Logger log = LoggerFactory.getLogger(PoisonIsolation.class);

    private PoisonIsolation() {
    }

    public static <T> void apply(List<T> batch, Consumer<List<T>> apply, BiConsumer<T, RuntimeException> setAside) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            apply.accept(batch);
            return;
        } catch (RuntimeException e) {
            rethrowIfTransient(e);
            log.warn("A batch of {} records failed ({}); applying them one at a time to set aside the record that causes it",
                    batch.size(), describe(e));
            log.debug("The batch failed with", e);
        }
        for (T record : batch) {
            try {
                apply.accept(List.of(record));
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                log.debug("A record failed on its own with", e);
                setAside.accept(record, e);
            }
        }
    }

    /** The failure in a line, for a dead letter's detail or a log: never a stack trace. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return DeadLetterHeaders.detail(root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()), "");
    }

    private static void rethrowIfTransient(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            throw e;
        }
    }
}
