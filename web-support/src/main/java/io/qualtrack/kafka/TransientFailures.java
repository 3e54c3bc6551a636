package io.qualtrack.kafka;

import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import org.apache.kafka.common.errors.RetriableException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure can go away by itself: MongoDB or Kafka unreachable, busy, electing a primary, or the
 * thread interrupted at shutdown. Only those are worth retrying without end; anything else a record causes
 * is the record's own and will happen again on every retry.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        return failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException
                || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException
                || failure instanceof MongoInterruptedException
                || failure instanceof MongoWriteConcernException
                // the client closed under a consumer while the service stops
                || failure instanceof MongoClientException && String.valueOf(failure.getMessage()).contains("state should be: open")
                || failure instanceof MongoException mongo
                        && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL) || mongo.hasErrorLabel("RetryableWriteError"))
                || failure instanceof RetriableException
                || failure instanceof org.apache.kafka.common.errors.InterruptException
                || failure instanceof TimeoutException
                || failure instanceof InterruptedException;
    }
}
