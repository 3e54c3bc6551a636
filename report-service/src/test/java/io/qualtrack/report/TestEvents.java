package io.qualtrack.report;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes contract events to the embedded broker as the other services would. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, byte[]> kafka;

    public TestEvents(String brokers) {
        this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new ByteArraySerializer()));
    }

    public void publish(EnrolmentProgressChanged change) {
        kafka.send(new ProducerRecord<>(Topics.PROGRESS, change.learnerId(),
                JSON.writerFor(ProgressEvent.class).writeValueAsBytes(change))).join();
    }

    /** Any bytes, to a partition of the progress topic, as a careless or hostile producer could send them. */
    public void publishRaw(int partition, String key, byte[] value) {
        kafka.send(new ProducerRecord<>(Topics.PROGRESS, partition, key, value)).join();
    }

    public static byte[] asJson(EnrolmentProgressChanged change) {
        return JSON.writerFor(ProgressEvent.class).writeValueAsBytes(change);
    }

    public void publish(QualificationDefinition qualification) {
        var published = new QualificationPublished(UUID.randomUUID(), Instant.now(), 1, qualification);
        kafka.send(new ProducerRecord<>(Topics.CONTENT, published.key(),
                JSON.writerFor(ContentEvent.class).writeValueAsBytes(published))).join();
    }

    public void publish(UnitDefinition unit) {
        var published = new UnitVersionPublished(UUID.randomUUID(), Instant.now(), 1, unit);
        kafka.send(new ProducerRecord<>(Topics.CONTENT, published.key(),
                JSON.writerFor(ContentEvent.class).writeValueAsBytes(published))).join();
    }
}
