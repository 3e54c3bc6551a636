package io.qualtrack.report.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qualtrack.contract.Topics;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.kafka.DeadLetterHeaders;
import io.qualtrack.kafka.PoisonIsolation;
import io.qualtrack.report.cohort.EnrolmentProjection;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import io.qualtrack.report.messaging.SnapshotDeadLetters.DeadLetter;
import io.qualtrack.report.messaging.SnapshotDeadLetters.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.DependsOn;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code progress-in-0} binding: batches of progress snapshots into the read models. A snapshot
 * older than the one stored is skipped, so redelivery and reordering never take a view backwards.
 * A record that is not a valid snapshot, or that fails to store for a reason of its own, is dead-lettered
 * ({@link PoisonIsolation}) and the partition flows on; only MongoDB or Kafka unreachable fails the batch.
 */
@Component("progress")
// read models keyed or stored the old way are migrated first, whenever this bean is created (also with lazy initialisation)
@DependsOn({"enrolmentKeyMigration", "typedReadModelMigration"})
class ProgressConsumer implements Consumer<Message<List<byte[]>>> {

    private final EnrolmentProjection projection;
    private final SnapshotDeadLetters deadLetters;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer visibleAfter;

    ProgressConsumer(EnrolmentProjection projection, SnapshotDeadLetters deadLetters, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.visibleAfter = Timer.builder("qualtrack.report.snapshot.lag")
                .description("From a progress change to its snapshot being queryable in the read models")
                .publishPercentileHistogram().register(meters);
    }

    private record Received(EnrolmentProgressChanged change, byte[] payload, String origin) {
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> records = batch.getPayload();
        List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = batch.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<Received> received = new ArrayList<>(records.size());
        List<DeadLetter> malformed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            read(records.get(i), origin(partitions, offsets, i), received, malformed);
        }
        deadLetters.send(malformed);
        count("malformed", malformed.size());
        PoisonIsolation.apply(received, this::store, this::setAside);
    }

    private void read(byte[] record, String origin, List<Received> received, List<DeadLetter> malformed) {
        ProgressEvent event;
        try {
            event = json.readValue(record, ProgressEvent.class);
        } catch (JacksonException e) {
            malformed.add(new DeadLetter(record, null, null, Reason.MALFORMED,
                    "unreadable: " + DeadLetterHeaders.detail(e.getOriginalMessage(), "not JSON"), origin));
            return;
        }
        if (event instanceof EnrolmentProgressChanged changed) {
            List<String> problems = SnapshotShape.problems(changed);
            if (problems.isEmpty()) {
                received.add(new Received(changed, record, origin));
            } else {
                malformed.add(new DeadLetter(record, changed.learnerId(), changed.eventId() == null ? null : changed.eventId().toString(),
                        Reason.MALFORMED, String.join("; ", problems), origin));
            }
        }
    }

    private void store(List<Received> received) {
        EnrolmentViewStore.Applied applied = projection.apply(received.stream().map(Received::change).toList());
        count("applied", applied.stored().size());
        count("superseded", applied.superseded());
        applied.stored().forEach(change -> {
            Duration lag = Duration.between(change.occurredAt(), clock.instant());
            visibleAfter.record(lag.isNegative() ? Duration.ZERO : lag);
        });
    }

    private void setAside(Received received, RuntimeException failure) {
        EnrolmentProgressChanged change = received.change();
        deadLetters.send(List.of(new DeadLetter(received.payload(), change.learnerId(), change.eventId().toString(),
                Reason.UNPROCESSABLE, "storing it failed: " + PoisonIsolation.describe(failure), received.origin())));
        count("unprocessable", 1);
    }

    private static String origin(@Nullable List<?> partitions, @Nullable List<?> offsets, int index) {
        if (partitions == null || offsets == null) {
            return Topics.PROGRESS;
        }
        return Topics.PROGRESS + "-" + partitions.get(index) + "@" + offsets.get(index);
    }


    private void count(String outcome, int n) {
        if (n > 0) {
            Counter.builder("qualtrack.report.snapshots").description("Progress snapshots consumed, by outcome")
                    .tag("outcome", outcome).register(meters).increment(n);
        }
    }
}
