package io.qualtrack.report.messaging;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.DeadLetterHeaders;
import io.qualtrack.kafka.KafkaSends;
import io.qualtrack.kafka.PoisonIsolation;
import io.qualtrack.kafka.TransientFailures;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Progress records report-service cannot apply go to {@link Topics#PROGRESS_REPORT_DEAD_LETTER} as received, with
 * the reason and where they came from in the same headers as the activity dead letters.
 */
@Component
class SnapshotDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(SnapshotDeadLetters.class);

    enum Reason {
        /** Not JSON, not a progress event, or a snapshot whose identifiers or instants break the contract. */
        MALFORMED,
        /** Well formed, yet storing it fails every time. */
        UNPROCESSABLE
    }

    record DeadLetter(byte[] payload, @Nullable String key, @Nullable String eventId, Reason reason, String detail, String origin) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    SnapshotDeadLetters(KafkaTemplate<String, byte[]> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /**
     * Waits until the broker has them. Only Kafka being unreachable fails this (and the batch is retried): a dead
     * letter the broker refuses for good (larger than it takes) is logged with its origin and left in its topic.
     */
    void send(List<DeadLetter> letters) {
        letters.forEach(letter -> log.warn("Dead-lettered progress record {} (event {}, learner {}): {} ({})",
                letter.origin(), letter.eventId(), letter.key(), letter.reason(), letter.detail()));
        try {
            KafkaSends.sendAll(kafka, letters.stream().map(this::record).toList());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            log.error("The dead-letter topic refused {} records ({}); they stay at their origin: {}", letters.size(),
                    PoisonIsolation.describe(e), letters.stream().map(DeadLetter::origin).toList());
        }
    }

    private ProducerRecord<String, byte[]> record(DeadLetter letter) {
        var record = new ProducerRecord<>(Topics.PROGRESS_REPORT_DEAD_LETTER, letter.key(), letter.payload());
        DeadLetterHeaders.add(record, DeadLetterHeaders.REASON, letter.reason().name());
        DeadLetterHeaders.add(record, DeadLetterHeaders.DETAIL, letter.detail());
        DeadLetterHeaders.add(record, DeadLetterHeaders.ORIGIN, letter.origin());
        DeadLetterHeaders.add(record, DeadLetterHeaders.AT, clock.instant().toString());
        if (letter.eventId() != null) {
            DeadLetterHeaders.add(record, DeadLetterHeaders.EVENT_ID, letter.eventId());
        }
        return record;
    }

}
