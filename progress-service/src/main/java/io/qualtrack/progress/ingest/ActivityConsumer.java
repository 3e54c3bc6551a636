package io.qualtrack.progress.ingest;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.DeadLetterHeaders;
import io.qualtrack.kafka.PoisonIsolation;
import io.qualtrack.observability.RecordTraces;
import io.qualtrack.contract.activity.ActivityRecords;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.deadletters.DeadLetter;
import io.qualtrack.progress.deadletters.DeadLetterSender;
import io.qualtrack.progress.deadletters.RecordOrigin;
import io.qualtrack.progress.deadletters.RejectionReason;
import io.qualtrack.progress.parking.ActivityBacklog;
import io.qualtrack.progress.tracking.ActivityMetrics;
import io.qualtrack.progress.tracking.ActivityProcessor;
import io.qualtrack.progress.tracking.Incoming;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code activity-in-0} binding: a batch of raw records from the activity topic. Records that
 * are not activity at all (not JSON, an unknown type, missing fields, too large) are dead-lettered
 * here; the rest go to the {@link ActivityProcessor}. An event that then fails to apply for a reason of its own
 * is dead-lettered too ({@link PoisonIsolation}); only MongoDB or Kafka unreachable fails the batch, to be retried.
 */
@Component("activity")
class ActivityConsumer implements Consumer<Message<List<byte[]>>> {

    private final ActivityProcessor processor;
    private final DeadLetterSender deadLetters;
    private final ActivityMetrics metrics;
    private final JsonMapper json;
    private final ActivityBacklog backlog;
    private final Clock clock;

    ActivityConsumer(ActivityProcessor processor, DeadLetterSender deadLetters, ActivityMetrics metrics, JsonMapper json,
                     ActivityBacklog backlog, Clock clock) {
        this.processor = processor;
        this.backlog = backlog;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        String consumer = Thread.currentThread().getName();
        backlog.begin(consumer, clock.instant());
        try {
            apply(batch);
        } catch (RuntimeException e) {
            backlog.report(consumer, false, clock.instant());
            throw e;
        }
        reportBacklog(consumer, batch.getHeaders().get(KafkaHeaders.CONSUMER, org.apache.kafka.clients.consumer.Consumer.class));
    }

    private void apply(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = batch.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<?> recordHeaders = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        metrics.batch(payloads.size());
        List<Incoming> events = new ArrayList<>(payloads.size());
        List<DeadLetter> malformed = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            RecordOrigin origin = partitions == null || offsets == null ? null
                    : new RecordOrigin(Topics.ACTIVITY, ((Number) partitions.get(i)).intValue(), ((Number) offsets.get(i)).longValue(),
                            traceParent(recordHeaders, i));
            parse(payloads.get(i), origin, events, malformed);
        }
        deadLetters.send(malformed);
        malformed.forEach(d -> {
            metrics.deadLettered(d.reason());
            metrics.outcome("Unreadable", ActivityMetrics.Outcome.REJECTED);
        });
        PoisonIsolation.apply(events, processor::process, this::setAside);
    }

    /** An event that fails to apply on its own, for a reason of its own: dead-lettered so the partition flows on. */
    private void setAside(Incoming incoming, RuntimeException failure) {
        LearnerActivityEvent event = incoming.event();
        DeadLetter letter = new DeadLetter(incoming.payload(), event.learnerId(), event.eventId().toString(),
                RejectionReason.UNPROCESSABLE, "applying it failed: " + PoisonIsolation.describe(failure), incoming.origin());
        deadLetters.send(List.of(letter));
        metrics.deadLettered(letter.reason());
        metrics.outcome(event.getClass().getSimpleName(), ActivityMetrics.Outcome.REJECTED);
    }

    /** Whether this consumer has read to the end of its activity partitions (lag known, and 0 on each). */
    private void reportBacklog(String name, org.apache.kafka.clients.consumer.@Nullable Consumer<?, ?> consumer) {
        if (consumer == null) {
            backlog.report(name, false, clock.instant());
            return;
        }
        boolean caughtUp = consumer.assignment().stream()
                .filter(partition -> partition.topic().equals(Topics.ACTIVITY))
                .allMatch(partition -> consumer.currentLag(partition).orElse(1) == 0);
        backlog.report(name, caughtUp, clock.instant());
    }

    private void parse(byte[] payload, @Nullable RecordOrigin origin, List<Incoming> events, List<DeadLetter> malformed) {
        if (payload == null || payload.length == 0) {
            malformed.add(new DeadLetter(new byte[0], null, null, RejectionReason.MALFORMED, "empty record", origin));
            return;
        }
        if (payload.length > ActivityRecords.MAX_RECORD_BYTES) {
            malformed.add(new DeadLetter(payload, null, null, RejectionReason.OVERSIZED,
                    "record of " + payload.length + " bytes is over the " + ActivityRecords.MAX_RECORD_BYTES + " byte limit", origin));
            return;
        }
        LearnerActivityEvent event;
        try {
            event = json.readValue(payload, LearnerActivityEvent.class);
        } catch (JacksonException e) {
            malformed.add(new DeadLetter(payload, null, null, RejectionReason.MALFORMED,
                    DeadLetterHeaders.detail(e.getOriginalMessage(), "unreadable JSON"), origin));
            return;
        }
        List<String> problems = ActivityShape.problems(event);
        if (!problems.isEmpty()) {
            RejectionReason reason = ActivityShape.isSupportedSchema(event) ? RejectionReason.MALFORMED : RejectionReason.UNSUPPORTED_SCHEMA;
            malformed.add(new DeadLetter(payload, event.learnerId(), event.eventId() == null ? null : event.eventId().toString(),
                    reason, String.join("; ", problems), origin));
            return;
        }
        events.add(new Incoming(event, payload, origin));
    }

    private static @Nullable String traceParent(@Nullable List<?> recordHeaders, int index) {
        if (recordHeaders == null || index >= recordHeaders.size() || !(recordHeaders.get(index) instanceof Map<?, ?> headers)) {
            return null;
        }
        return RecordTraces.headerValue(headers.get(RecordTraces.HEADER));
    }
}
