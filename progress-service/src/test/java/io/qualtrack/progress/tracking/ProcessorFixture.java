package io.qualtrack.progress.tracking;

import io.qualtrack.progress.deadletters.DeadLetter;
import io.qualtrack.progress.parking.ParkedActivityStore;
import io.qualtrack.progress.publication.PublicationLog;
import io.qualtrack.replica.CatalogueView;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.testsupport.MongoStandIn;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ActivityProcessor} on the MongoDB stand-in with in-memory senders: what it dead-letters
 * and publishes is kept for the test to look at, and publishing can be made to fail.
 */
public final class ProcessorFixture implements AutoCloseable {

    public final JsonMapper json = JsonMapper.builder().build();
    public final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    public final List<EnrolmentProgressChanged> published = new CopyOnWriteArrayList<>();
    public final MongoTemplate mongo;
    public final EnrolmentStore enrolments;
    public final ActivityEventStore events;
    public final ParkedActivityStore parked;
    public final PublicationLog publications;
    public final ActivityProcessor processor;
    public volatile boolean kafkaDown;
    private final CatalogueView catalogue;
    private final MongoClient client;

    public ProcessorFixture(CatalogueView catalogue) {
        String uri = MongoStandIn.uri("processor");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        this.catalogue = catalogue;
        enrolments = new EnrolmentStore(mongo, catalogue, 10_000);
        events = new ActivityEventStore(mongo);
        parked = new ParkedActivityStore(mongo, json);
        publications = new PublicationLog(mongo);
        processor = processor(enrolments);
    }

    /** Another instance of progress-service on the same database, with its own memory of recent enrolments. */
    public ActivityProcessor secondInstance() {
        return processor(new EnrolmentStore(mongo, catalogue, 10_000));
    }

    /** Another instance of the processor on this fixture's stores, but seeing parked activity through {@code parked}. */
    public ActivityProcessor processorWith(ParkedActivityStore parked) {
        return processor(enrolments, parked);
    }

    private ActivityProcessor processor(EnrolmentStore store) {
        return processor(store, parked);
    }

    private ActivityProcessor processor(EnrolmentStore store, ParkedActivityStore parked) {
        return new ActivityProcessor(store, events, publications, parked, catalogue, deadLetters::addAll,
                changes -> {
                    if (kafkaDown) {
                        throw new IllegalStateException("Kafka did not acknowledge");
                    }
                    published.addAll(changes);
                },
                new ActivityMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), json, Clock.systemUTC());
    }

    public List<Incoming> incoming(List<? extends LearnerActivityEvent> events) {
        return events.stream().map(e -> new Incoming(e, json.writeValueAsString(e).getBytes(StandardCharsets.UTF_8), null)).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
