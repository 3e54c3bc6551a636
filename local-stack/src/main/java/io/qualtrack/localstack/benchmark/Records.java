package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** The records as the services exchange them: JSON of the contract's events, keyed by learner. */
final class Records {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter ACTIVITY = JSON.writerFor(LearnerActivityEvent.class);
    private static final ObjectWriter PROGRESS = JSON.writerFor(ProgressEvent.class);
    private static final ObjectReader PROGRESS_READER = JSON.readerFor(ProgressEvent.class);

    private Records() {
    }

    /** A record to send: its key and its value, serialised once so the pipeline and the floor send the same bytes. */
    record Keyed(String key, byte[] value) {
    }

    static Keyed activity(LearnerActivityEvent event) {
        return new Keyed(event.learnerId(), ACTIVITY.writeValueAsBytes(event));
    }

    static Keyed progress(EnrolmentProgressChanged event) {
        return new Keyed(event.learnerId(), PROGRESS.writeValueAsBytes(event));
    }

    static ProgressEvent readProgress(byte[] value) {
        return PROGRESS_READER.readValue(value);
    }

    /** The producer settings progress-service uses: every write acknowledged by the broker, idempotent, batched and compressed. */
    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(), new ByteArraySerializer());
    }
}
