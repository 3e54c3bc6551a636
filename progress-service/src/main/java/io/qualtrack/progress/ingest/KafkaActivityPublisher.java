package io.qualtrack.progress.ingest;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.KafkaSends;
import io.qualtrack.kafka.PoisonIsolation;
import io.qualtrack.kafka.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@Component
class KafkaActivityPublisher implements ActivityPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaActivityPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    KafkaActivityPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void publish(List<LearnerActivityEvent> events) {
        try {
            KafkaSends.sendAll(kafka, events.stream().map(event -> new ProducerRecord<>(Topics.ACTIVITY, event.key(),
                    json.writerFor(LearnerActivityEvent.class).writeValueAsBytes(event))).toList());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw new ActivityNotStoredException("The activity could not be stored just now. Retry with the same "
                        + "eventIds: any that did reach the system are recognised as duplicates.", true, e);
            }
            log.error("The activity topic refused {} activities: {}", events.size(), PoisonIsolation.describe(e));
            throw new ActivityNotStoredException("The activity could not be stored: the service cannot write to its topic."
                    + " Operations have been alerted; retrying will not help until they fix it.", false, e);
        }
    }
}
