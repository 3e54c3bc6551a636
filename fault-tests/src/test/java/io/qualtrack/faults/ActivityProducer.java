package io.qualtrack.faults;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.Map;

/** Produces straight to the activity topic, keyed by learner as the service's ingest does, and waits for every acknowledgement. */
final class ActivityProducer implements AutoCloseable {

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerFor(LearnerActivityEvent.class);

    private final KafkaProducer<String, byte[]> producer;

    ActivityProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(), new ByteArraySerializer());
    }

    static byte[] json(LearnerActivityEvent event) {
        return WRITER.writeValueAsBytes(event);
    }

    void send(Collection<? extends LearnerActivityEvent> events) {
        events.forEach(event -> producer.send(new ProducerRecord<>(Topics.ACTIVITY, event.learnerId(), json(event))));
        producer.flush();
    }

    void sendRaw(String key, byte[] payload) {
        producer.send(new ProducerRecord<>(Topics.ACTIVITY, key, payload));
    }

    /** Any bytes to the progress topic: what a producer that bypasses progress-service could send there. */
    void sendToProgressTopic(String key, byte[] payload) {
        producer.send(new ProducerRecord<>(Topics.PROGRESS, key, payload));
    }

    /** Waits until everything sent so far is acknowledged (flush fails the sends that failed). */
    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
