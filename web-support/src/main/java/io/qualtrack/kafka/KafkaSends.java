package io.qualtrack.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Sends a batch of records without waiting between them, then waits until the broker has them all. */
public final class KafkaSends {

    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private KafkaSends() {
    }

    public static void sendAll(KafkaTemplate<String, byte[]> kafka, List<ProducerRecord<String, byte[]>> records) {
        if (!records.isEmpty()) {
            sendAll(records.stream().map(record -> (Supplier<CompletableFuture<?>>) () -> kafka.send(record)).toList(),
                    records.getFirst().topic());
        }
    }

    /** Each {@code send} starts one send and returns its future; all are started before waiting for any. */
    public static void sendAll(List<Supplier<CompletableFuture<?>>> sends, String topic) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            // send() itself throws when the producer cannot even queue a record (no metadata within max.block.ms)
            CompletableFuture<?>[] started = sends.stream().map(Supplier::get).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(started).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + sends.size() + " records to " + topic, e);
        }
    }
}
