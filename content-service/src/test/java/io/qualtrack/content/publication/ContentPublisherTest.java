package io.qualtrack.content.publication;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qualtrack.content.catalogue.CatalogueStore;
import io.qualtrack.content.catalogue.Qualification;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitDraft;
import io.qualtrack.content.seed.DefaultCatalogue;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.testsupport.MongoStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Publication survives a broker outage and a restart of content-service: every stored item goes out, in order. */
class ContentPublisherTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    private final PublicationProperties properties = new PublicationProperties(java.time.Duration.ofSeconds(1), 100);
    private MongoClient client;
    private CatalogueStore store;

    /** A broker that is down until told otherwise, and remembers what it acknowledged. */
    static class Broker implements ContentEventSender {
        boolean up;
        final List<ContentEvent> acknowledged = new ArrayList<>();

        @Override
        public void send(ContentEvent event) {
            if (!up) {
                throw new IllegalStateException("Topic not present in metadata after 5000 ms");
            }
            acknowledged.add(event);
        }
    }

    @BeforeEach
    void store() {
        String uri = MongoStandIn.uri("publisher");
        client = MongoClients.create(uri);
        store = new CatalogueStore(new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1)));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private ContentPublisher publisher(Broker broker) {
        return new ContentPublisher(store, broker, properties, clock, new SimpleMeterRegistry());
    }

    private Unit version(int version) {
        UnitDraft draft = DefaultCatalogue.unitDrafts().get("SELM7-01");
        return draft.toUnit("SELM7-01", version, Instant.parse("2026-11-01T09:00:00Z").plusSeconds(version));
    }

    @Test
    void keepsWhatWasStoredWhileKafkaIsDownAndPublishesItInOrderAfterARestart() {
        store.insert(version(1));
        store.insert(version(2));
        store.insertIfAbsent(new Qualification("SELM7-CERT", 1, "Certificate", 7, List.of("SELM7-01")), clock.instant());
        Broker broker = new Broker();

        assertThat(publisher(broker).publishPending()).isZero();
        assertThat(publisher(broker).publishPending()).isZero();
        assertThat(store.pendingCount()).isEqualTo(3);

        broker.up = true;
        ContentPublisher afterRestart = publisher(broker);
        assertThat(afterRestart.publishPending()).isEqualTo(3);

        assertThat(broker.acknowledged).extracting(ContentEvent::key)
                .containsExactly("unit/SELM7-01@1", "unit/SELM7-01@2", "qualification/SELM7-CERT");
        assertThat(broker.acknowledged.subList(0, 2)).map(e -> ((UnitVersionPublished) e).unit().version())
                .containsExactly(1, 2);
        assertThat(store.pendingCount()).isZero();
        assertThat(afterRestart.publishPending()).as("nothing is published twice once acknowledged").isZero();
    }

    @Test
    void aResendAfterACrashCarriesTheSameEventIdSoConsumersSeeADuplicate() {
        store.insert(version(1));
        Broker broker = new Broker();
        broker.up = true;
        var firstAttempt = store.pendingUnitVersions(10).getFirst();

        publisher(broker).publishPending();

        assertThat(broker.acknowledged).singleElement()
                .satisfies(e -> assertThat(e.eventId()).isEqualTo(firstAttempt.eventId()));
    }
}
