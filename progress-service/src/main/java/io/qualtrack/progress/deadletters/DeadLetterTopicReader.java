package io.qualtrack.progress.deadletters;

import io.qualtrack.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the dead-letter topic without a consumer group (nothing is committed, any number of readers
 * may look): from the beginning up to the end as it is when asked.
 */
@Component
class DeadLetterTopicReader {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    /** The service's own client settings (bootstrap servers, and credentials where Kafka requires them). */
    private final Map<String, Object> configuration;

    DeadLetterTopicReader(KafkaProperties kafka) {
        this.configuration = new HashMap<>(kafka.buildConsumerProperties());
        configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configuration.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        configuration.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    }

    /** The first {@code limit} records that match, oldest first within each partition. */
    List<ConsumerRecord<String, byte[]>> read(Predicate<ConsumerRecord<String, byte[]>> filter, int limit) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACTIVITY_DEAD_LETTER).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (found.size() < limit && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the dead-letter topic could not be read within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition) && filter.test(record) && found.size() < limit) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    Optional<ConsumerRecord<String, byte[]>> find(DeadLetterId id) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(Topics.ACTIVITY_DEAD_LETTER, id.partition());
            if (consumer.partitionsFor(Topics.ACTIVITY_DEAD_LETTER).stream().noneMatch(p -> p.partition() == id.partition())
                    || id.offset() >= consumer.endOffsets(List.of(partition)).get(partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, id.offset());
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    // an offset removed by retention or compaction answers with the next one: not the record asked for
                    return record.offset() == id.offset() ? Optional.of(record) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(configuration, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
