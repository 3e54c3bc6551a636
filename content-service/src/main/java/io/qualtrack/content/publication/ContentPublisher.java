package io.qualtrack.content.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.qualtrack.content.catalogue.CatalogueStore;
import io.qualtrack.content.catalogue.Pending;
import io.qualtrack.contract.content.ContentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Drains stored content that is still pending to the content topic: send, wait for the broker's
 * acknowledgement, then mark published. A crash between the two re-sends the same event id, which
 * consumers treat as a duplicate. A failed send stops the drain so a unit's versions stay in order.
 */
@Component
public class ContentPublisher {

    private static final Logger log = LoggerFactory.getLogger(ContentPublisher.class);

    private final CatalogueStore store;
    private final ContentEventSender sender;
    private final PublicationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public ContentPublisher(CatalogueStore store, ContentEventSender sender, PublicationProperties properties,
                     Clock clock, MeterRegistry meters) {
        this.store = store;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("qualtrack.content.publication.pending", store, CatalogueStore::pendingCount)
                .description("Stored catalogue items not yet acknowledged by Kafka")
                .register(meters);
    }

    /** Publishes what is pending; returns how many items were published. */
    @Scheduled(fixedDelayString = "${qualtrack.content.publication.interval:1s}")
    public int publishPending() {
        Drain units = drain(store.pendingUnitVersions(properties.batchSize()),
                ContentEvents::unitVersionPublished, pending -> store.markPublished(pending.content(), clock.instant()));
        if (units.interrupted()) {
            return units.sent();
        }
        Drain qualifications = drain(store.pendingQualifications(properties.batchSize()),
                ContentEvents::qualificationPublished, pending -> store.markPublished(pending.content(), clock.instant()));
        return units.sent() + qualifications.sent();
    }

    private record Drain(int sent, boolean interrupted) {
    }

    /** Sends in order and stops at the first failure, so later items wait for the next drain. */
    private <T> Drain drain(List<Pending<T>> pending, Function<Pending<T>, ContentEvent> toEvent,
                          Consumer<Pending<T>> markPublished) {
        int sent = 0;
        for (Pending<T> item : pending) {
            ContentEvent event = toEvent.apply(item);
            try {
                sender.send(event);
            } catch (RuntimeException e) {
                count(event, "failed");
                log.warn("Could not publish {} yet, will retry: {}", event.key(), rootMessage(e));
                return new Drain(sent, true);
            }
            markPublished.accept(item);
            count(event, "published");
            sent++;
        }
        return new Drain(sent, false);
    }

    private void count(ContentEvent event, String outcome) {
        Counter.builder("qualtrack.content.publications")
                .description("Catalogue events sent to Kafka, by event type and outcome")
                .tag("type", event.getClass().getSimpleName())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
