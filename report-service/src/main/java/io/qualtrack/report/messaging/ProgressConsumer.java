package io.qualtrack.report.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.report.cohort.CohortDirectory;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component("progress")
class ProgressConsumer implements Consumer<List<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(ProgressConsumer.class);

    private final EnrolmentViewStore views;
    private final CohortDirectory directory;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer visibleAfter;

    ProgressConsumer(EnrolmentViewStore views, CohortDirectory directory, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.views = views;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.visibleAfter = Timer.builder("qualtrack.report.snapshot.lag")
                .description("From a progress change to its snapshot being queryable in the read models")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void accept(List<byte[]> records) {
        List<EnrolmentProgressChanged> changes = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                if (json.readValue(record, ProgressEvent.class) instanceof EnrolmentProgressChanged changed) {
                    changes.add(changed);
                }
            } catch (JacksonException e) {
                count("unreadable", 1);
                log.warn("Skipped an unreadable progress record: {}", e.getOriginalMessage());
            }
        }
        EnrolmentViewStore.Applied applied = views.apply(changes);
        directory.join(applied.joining());
        count("applied", applied.stored().size());
        count("superseded", applied.superseded());
        applied.stored().forEach(change -> {
            Duration lag = Duration.between(change.occurredAt(), clock.instant());
            visibleAfter.record(lag.isNegative() ? Duration.ZERO : lag);
        });
    }

    private void count(String outcome, int n) {
        if (n > 0) {
            Counter.builder("qualtrack.report.snapshots").description("Progress snapshots consumed, by outcome")
                    .tag("outcome", outcome).register(meters).increment(n);
        }
    }
}
