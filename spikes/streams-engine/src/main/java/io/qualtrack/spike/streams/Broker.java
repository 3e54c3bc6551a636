package io.qualtrack.spike.streams;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The admin calls and the producer the spike needs, on one broker. Spike topics are all named qualtrack.spike.* */
final class Broker implements AutoCloseable {

    static final int PARTITIONS = 6;

    final String bootstrapServers;
    final Admin admin;

    Broker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** New topics (the activity topic's 6 partitions), each with a leader in sync before it returns. */
    void create(String... topics) throws InterruptedException {
        get(admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String topic : topics) {
            while (true) {
                try {
                    var described = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
                    if (described.size() == PARTITIONS && described.stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()
                            && p.isr().contains(p.leader()))) {
                        break;
                    }
                } catch (ExecutionException e) {
                    // not known yet: ask again
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " has no leaders 30 s after it was created");
                }
                Thread.sleep(50);
            }
            // the metadata can name a leader before that broker serves the partition: an idempotent producer whose first
            // batch meets NOT_LEADER_OR_FOLLOWER then retries its later batches into OUT_OF_ORDER_SEQUENCE_NUMBER until
            // delivery.timeout.ms (seen once here); a list-offsets answer comes from the leader itself
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            while (true) {
                try {
                    admin.listOffsets(latest).all().get();
                    break;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(topic + " is not served 30 s after it was created", e.getCause());
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    void deleteTopics(Predicate<String> which) {
        List<String> names = get(admin.listTopics().names()).stream().filter(which).toList();
        if (!names.isEmpty()) {
            get(admin.deleteTopics(names).all());
        }
    }

    /** Records of {@code topic} that {@code group} has not committed. */
    long lag(String group, String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        long lag = 0;
        for (var end : get(admin.listOffsets(latest).all()).entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** Bytes on disk of the topics that match, as the broker reports its log directories. */
    long bytesOnDisk(Predicate<String> which) {
        Collection<Node> nodes = get(admin.describeCluster().nodes());
        long bytes = 0;
        for (var dirs : get(admin.describeLogDirs(nodes.stream().map(Node::id).toList()).allDescriptions()).values()) {
            for (var dir : dirs.values()) {
                for (var replica : dir.replicaInfos().entrySet()) {
                    if (which.test(replica.getKey().topic())) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }

    /** The producer settings of the benchmark (and progress-service): acks=all, idempotent, linger 5 ms, lz4, 256 KiB batches. */
    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(), new ByteArraySerializer());
    }

    /** A producer that already knows the topic's leaders (so the clock does not time the metadata fetch). */
    KafkaProducer<String, byte[]> producerFor(String topic) throws InterruptedException {
        KafkaProducer<String, byte[]> producer = producer();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (producer.partitionsFor(topic).stream().filter(p -> p.leader() != null && p.leader().id() >= 0).count() < PARTITIONS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the producer did not learn the leaders of " + topic);
            }
            Thread.sleep(50);
        }
        return producer;
    }

    /** Sends every record, in order, on another thread; the future completes once all are acknowledged. */
    static CompletableFuture<Void> sendAll(KafkaProducer<String, byte[]> producer, String topic, List<SpikeWorkload.Keyed> records) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        return CompletableFuture.runAsync(() -> {
            records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (m, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                }
            }));
            producer.flush();
            if (failed.get() != null) {
                throw new IllegalStateException("producing failed", failed.get());
            }
        }, runnable -> Thread.ofPlatform().name("spike-producer").start(runnable));
    }

    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
