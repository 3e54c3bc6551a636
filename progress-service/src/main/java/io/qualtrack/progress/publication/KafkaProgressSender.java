package io.qualtrack.progress.publication;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.KafkaSends;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Progress snapshots go to {@link Topics#PROGRESS}, keyed by learner. */
@Component
class KafkaProgressSender implements ProgressSender {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    KafkaProgressSender(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void send(List<EnrolmentProgressChanged> changes) {
        KafkaSends.sendAll(kafka, changes.stream().map(change -> new ProducerRecord<>(Topics.PROGRESS, change.key(),
                json.writerFor(ProgressEvent.class).writeValueAsBytes(change))).toList());
    }
}
