package io.qualtrack.localstack.benchmark;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * The broker alone: the same records, with the same producer settings, produced to a scratch topic with
 * the activity topic's partitions while one consumer reads them back; timed until the last one is read.
 */
final class KafkaFloor {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration READ_WITHIN = Duration.ofMinutes(5);

    private final String bootstrapServers;
    /** A new topic each time: deleting one is asynchronous, and a topic re-created under the same name meanwhile confuses idempotent producers. */
    private final String topic = "qualtrack.benchmark.floor." + System.currentTimeMillis();

    KafkaFloor(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Duration run(List<Records.Keyed> records, int partitions) throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            ConsumerLag.get(lag.admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
            try {
                lag.awaitLeaders(topic, partitions, READY_WITHIN);
                return produceAndConsume(records, partitions);
            } finally {
                ConsumerLag.get(lag.admin().deleteTopics(List.of(topic)).all());
            }
        }
    }

    private Duration produceAndConsume(List<Records.Keyed> records, int partitions) throws InterruptedException {
        List<TopicPartition> assignment = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            assignment.add(new TopicPartition(topic, p));
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = Records.producer(bootstrapServers)) {
            awaitProducerSeesLeaders(producer, partitions);
            warmUp(producer, partitions);
            consumer.assign(assignment);
            consumer.seekToEnd(assignment);
            assignment.forEach(consumer::position); // resolves the positions, after the warm-up records, before the clock starts
            long started = System.nanoTime();
            AtomicReference<Exception> failed = new AtomicReference<>();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                }));
                producer.flush();
            });
            long read = 0;
            long deadline = started + READ_WITHIN.toNanos();
            while (read < records.size()) {
                read += consumer.poll(Duration.ofMillis(100)).count();
                if (failed.get() != null) {
                    throw new IllegalStateException("the floor's producer failed after " + read + " of " + records.size()
                            + " records were read back", failed.get());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + read + " of " + records.size() + " records back in " + READ_WITHIN.toMinutes() + " minutes");
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            try {
                sent.get(1, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the floor's producer failed", e);
            }
            return took;
        }
    }

    /**
     * One record to every partition, each acknowledged, before the clock starts: a leader that the metadata names but
     * that does not serve the partition yet answers NOT_LEADER_OR_FOLLOWER, and an idempotent producer with batches in
     * flight behind that one can go on to retry them into OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (seen
     * here: a quick run's floor read 5,052 of 5,210 records back, then gave up). Sent one at a time, a refusal is
     * retried alone.
     */
    private void warmUp(KafkaProducer<String, byte[]> producer, int partitions) throws InterruptedException {
        for (int p = 0; p < partitions; p++) {
            try {
                producer.send(new ProducerRecord<>(topic, p, "warm-up", new byte[0])).get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the floor's producer could not write to partition " + p + " of " + topic, e);
            }
        }
    }

    /** The producer's own metadata must know every leader too: the admin client may learn of them first. */
    private void awaitProducerSeesLeaders(KafkaProducer<String, byte[]> producer, int partitions) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (producer.partitionsFor(topic).stream().filter(p -> p.leader() != null && p.leader().id() >= 0).count() < partitions) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the producer did not learn the leaders of " + topic + " within " + READY_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
