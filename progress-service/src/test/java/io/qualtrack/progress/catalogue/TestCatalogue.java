package io.qualtrack.progress.catalogue;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.progress.tracking.SmallCatalogue;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** Publishes {@link SmallCatalogue}'s content the way content-service does. */
public final class TestCatalogue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestCatalogue() {
    }

    public static void publish(KafkaTemplate<String, byte[]> kafka) {
        SmallCatalogue catalogue = new SmallCatalogue();
        publish(kafka, new UnitVersionPublished(UUID.randomUUID(), Instant.now(), 1, catalogue.unit("U-ONE", 1).orElseThrow()));
        publish(kafka, new UnitVersionPublished(UUID.randomUUID(), Instant.now(), 1, catalogue.unit("U-TWO", 1).orElseThrow()));
        publish(kafka, new QualificationPublished(UUID.randomUUID(), Instant.now(), 1,
                catalogue.qualification(SmallCatalogue.QUALIFICATION).orElseThrow()));
    }

    public static void publish(KafkaTemplate<String, byte[]> kafka, UnitDefinition unit) {
        publish(kafka, new UnitVersionPublished(UUID.randomUUID(), Instant.now(), 1, unit));
    }

    public static void publish(KafkaTemplate<String, byte[]> kafka, QualificationDefinition qualification) {
        publish(kafka, new QualificationPublished(UUID.randomUUID(), Instant.now(), 1, qualification));
    }

    private static void publish(KafkaTemplate<String, byte[]> kafka, ContentEvent event) {
        kafka.send(new ProducerRecord<>(Topics.CONTENT, event.key(), JSON.writerFor(ContentEvent.class).writeValueAsBytes(event))).join();
    }
}
