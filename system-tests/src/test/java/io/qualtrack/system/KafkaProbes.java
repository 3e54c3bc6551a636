package io.qualtrack.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain Kafka clients with a given configuration, each doing one thing and failing the way the broker answers. */
final class KafkaProbes {

    static final Duration WAIT = Duration.ofSeconds(15);

    private KafkaProbes() {
    }

    /** The offset of a record sent and acknowledged; a refusal is thrown (an {@link ExecutionException} with its cause). */
    static long send(Map<String, Object> configuration, String topic) throws ExecutionException, InterruptedException {
        return send(configuration, topic, "probe-" + UUID.randomUUID());
    }

    static long send(Map<String, Object> configuration, String topic, String value) throws ExecutionException, InterruptedException {
        Map<String, Object> producer = new HashMap<>(configuration);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            return kafka.send(new ProducerRecord<>(topic, bytes, bytes)).get().offset();
        } catch (KafkaException e) {
            throw new ExecutionException(e);
        }
    }

    /** The records of every partition from the start, without a consumer group (as the dead-letter reader reads). */
    static List<String> readFromStart(Map<String, Object> configuration, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(configuration, null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = values(consumer.poll(WAIT));
            assertThat(values).as("records read from " + topic).isNotEmpty();
            return values;
        }
    }

    /** Consumes as a member of a group (as a binding does) until {@code expected} is read. */
    static void consumeAsGroup(Map<String, Object> configuration, String group, String topic, String expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(configuration, group)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            List<String> read = new ArrayList<>();
            while (!read.contains(expected)) {
                assertThat(Instant.now()).as(group + " reads " + expected + " from " + topic + " (read " + read.size() + ")").isBefore(deadline);
                read.addAll(values(consumer.poll(Duration.ofMillis(500))));
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> configuration, String group) {
        Map<String, Object> consumer = new HashMap<>(configuration);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        // as the bindings (start-offset: earliest)
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        return new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<String> values(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        return values;
    }
}
