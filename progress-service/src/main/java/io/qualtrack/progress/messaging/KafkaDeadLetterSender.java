package io.qualtrack.progress.messaging;

import io.qualtrack.contract.Topics;
import io.qualtrack.progress.tracking.DeadLetter;
import io.qualtrack.progress.tracking.DeadLetterSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Dead letters go to {@link Topics#ACTIVITY_DEAD_LETTER} as received, the reason and origin in headers. */
@Component
class KafkaDeadLetterSender implements DeadLetterSender {

    static final String REASON = "qualtrack-dlt-reason";
    static final String DETAIL = "qualtrack-dlt-detail";
    static final String EVENT_ID = "qualtrack-dlt-event-id";
    static final String ORIGIN = "qualtrack-dlt-origin";
    static final String AT = "qualtrack-dlt-at";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    KafkaDeadLetterSender(KafkaTemplate<String, byte[]> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void send(List<DeadLetter> deadLetters) {
        KafkaSends.sendAll(kafka, deadLetters.stream().map(this::record).toList());
    }

    private ProducerRecord<String, byte[]> record(DeadLetter deadLetter) {
        var record = new ProducerRecord<>(Topics.ACTIVITY_DEAD_LETTER, deadLetter.learnerId(), deadLetter.payload());
        header(record, REASON, deadLetter.reason().name());
        header(record, DETAIL, deadLetter.detail());
        header(record, AT, clock.instant().toString());
        if (deadLetter.eventId() != null) {
            header(record, EVENT_ID, deadLetter.eventId());
        }
        if (deadLetter.origin() != null) {
            var origin = deadLetter.origin();
            header(record, ORIGIN, origin.topic() + "-" + origin.partition() + "@" + origin.offset());
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
