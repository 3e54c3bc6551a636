package io.qualtrack.progress.deadletters;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.DeadLetterHeaders;
import io.qualtrack.kafka.KafkaSends;
import io.qualtrack.observability.RecordTraces;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.qualtrack.kafka.DeadLetterHeaders.AT;
import static io.qualtrack.kafka.DeadLetterHeaders.DETAIL;
import static io.qualtrack.kafka.DeadLetterHeaders.EVENT_ID;
import static io.qualtrack.kafka.DeadLetterHeaders.ORIGIN;
import static io.qualtrack.kafka.DeadLetterHeaders.REASON;

/** Dead letters go to {@link Topics#ACTIVITY_DEAD_LETTER} as received, the reason and origin in headers. */
@Component
class KafkaDeadLetterSender implements DeadLetterSender {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterSender.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final RecordTraces traces;

    KafkaDeadLetterSender(KafkaTemplate<String, byte[]> kafka, Clock clock, RecordTraces traces) {
        this.kafka = kafka;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * Each dead letter is sent and logged in the trace of the record it came from (its {@code traceparent} names the
     * same trace), so a trace id from the log of the request that sent the activity finds its dead letter.
     */
    @Override
    public void send(List<DeadLetter> deadLetters) {
        KafkaSends.sendAll(deadLetters.stream().map(deadLetter -> (Supplier<CompletableFuture<?>>) () ->
                traces.inTraceOf(deadLetter.origin() == null ? null : deadLetter.origin().traceParent(), "dead-letter", () -> {
                    log.warn("Dead-lettered event {} of learner {} from {}: {} ({})", deadLetter.eventId(), deadLetter.learnerId(),
                            deadLetter.origin() == null ? "an unknown record" : originText(deadLetter.origin()),
                            deadLetter.reason(), deadLetter.detail());
                    return kafka.send(record(deadLetter));
                })).toList(), Topics.ACTIVITY_DEAD_LETTER);
    }

    private ProducerRecord<String, byte[]> record(DeadLetter deadLetter) {
        var record = new ProducerRecord<>(Topics.ACTIVITY_DEAD_LETTER, deadLetter.learnerId(), deadLetter.payload());
        DeadLetterHeaders.add(record, REASON, deadLetter.reason().name());
        DeadLetterHeaders.add(record, DETAIL, deadLetter.detail());
        DeadLetterHeaders.add(record, AT, clock.instant().toString());
        if (deadLetter.eventId() != null) {
            DeadLetterHeaders.add(record, EVENT_ID, deadLetter.eventId());
        }
        if (deadLetter.origin() != null) {
            var origin = deadLetter.origin();
            DeadLetterHeaders.add(record, ORIGIN, originText(origin));
        }
        return record;
    }

    private static String originText(RecordOrigin origin) {
        return origin.topic() + "-" + origin.partition() + "@" + origin.offset();
    }

}
