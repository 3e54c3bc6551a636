package io.qualtrack.kafka;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.BsonSerializationException;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoisonIsolationTest {

    private final List<String> applied = new ArrayList<>();
    private final Map<String, String> setAside = new LinkedHashMap<>();

    @Test
    void aBatchThatAppliesIsAppliedOnceWhole() {
        List<List<String>> calls = new ArrayList<>();
        PoisonIsolation.apply(List.of("a", "b"), batch -> calls.add(batch), (record, e) -> setAside.put(record, e.getMessage()));

        assertThat(calls).containsExactly(List.of("a", "b"));
        assertThat(setAside).isEmpty();
    }

    @Test
    void aRecordThatFailsOnItsOwnIsSetAsideWithItsReasonAndTheOthersAreApplied() {
        PoisonIsolation.apply(List.of("a", "poison", "c"), batch -> {
            if (batch.contains("poison")) {
                throw new BsonSerializationException("BSON cstring 'x' is not valid because it contains a null character");
            }
            applied.addAll(batch);
        }, (record, e) -> setAside.put(record, PoisonIsolation.describe(e)));

        assertThat(applied).containsExactly("a", "c");
        assertThat(setAside).containsOnlyKeys("poison");
        assertThat(setAside.get("poison")).startsWith("BsonSerializationException: BSON cstring");
    }

    @Test
    void everyRecordThatFailsOnItsOwnIsSetAside() {
        PoisonIsolation.apply(List.of("bad-1", "ok", "bad-2"), batch -> {
            if (batch.stream().anyMatch(r -> r.startsWith("bad"))) {
                throw new DateTimeException("Invalid value for EpochDay");
            }
            applied.addAll(batch);
        }, (record, e) -> setAside.put(record, e.getMessage()));

        assertThat(applied).containsExactly("ok");
        assertThat(setAside).containsOnlyKeys("bad-1", "bad-2");
    }

    @Test
    void aTransientFailureIsThrownForTheBatchToBeRetriedAndNothingIsSetAside() {
        RuntimeException unreachable = new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());

        assertThatThrownBy(() -> PoisonIsolation.apply(List.of("a", "b"), batch -> {
            throw unreachable;
        }, (record, e) -> setAside.put(record, e.getMessage()))).isSameAs(unreachable);
        assertThat(setAside).isEmpty();
    }

    @Test
    void aTransientFailureWhileApplyingOneByOneIsThrownToo() {
        RuntimeException kafkaDown = new IllegalStateException("Kafka did not acknowledge 1 records",
                new ExecutionException(new NotLeaderOrFollowerException("moving")));

        assertThatThrownBy(() -> PoisonIsolation.apply(List.of("poison", "b"), batch -> {
            if (batch.size() > 1) {
                throw new IllegalArgumentException("poison");
            }
            if (batch.contains("b")) {
                throw kafkaDown;
            }
            throw new IllegalArgumentException("poison");
        }, (record, e) -> setAside.put(record, e.getMessage()))).isSameAs(kafkaDown);
        assertThat(setAside).containsOnlyKeys("poison");
    }

    @Test
    void failuresAreTransientOnlyWhenMongoOrKafkaMayRecover() {
        assertThat(TransientFailures.isTransient(new MongoSocketReadException("gone", new ServerAddress()))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new java.util.concurrent.TimeoutException("no ack")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Kafka did not acknowledge",
                new ExecutionException(new RecordTooLargeException("too large"))))).isFalse();
        assertThat(TransientFailures.isTransient(new BsonSerializationException("null character"))).isFalse();
        assertThat(TransientFailures.isTransient(new ArithmeticException("long overflow"))).isFalse();
    }
}
