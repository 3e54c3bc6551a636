package io.qualtrack.content.publication;

import io.qualtrack.content.catalogue.CatalogueStore;
import io.qualtrack.content.catalogue.UnitCatalogue;
import io.qualtrack.content.seed.DefaultCatalogue;
import io.qualtrack.testsupport.MongoStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** With no broker listening, content-service still starts, stores authored versions and keeps them pending. */
@SpringBootTest(properties = "qualtrack.content.publication.interval=1h")
@ActiveProfiles("it")
class PublicationWhileKafkaIsDownTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri("content-no-kafka"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> "127.0.0.1:" + closedPort);
    }

    @Autowired
    UnitCatalogue catalogue;

    @Autowired
    CatalogueStore store;

    @Autowired
    ContentPublisher publisher;

    @Test
    void storesAuthoredVersionsAndLeavesThemPendingUntilKafkaAcknowledges() {
        catalogue.createVersion("SELM7-02", DefaultCatalogue.unitDrafts().get("SELM7-02"));
        long pending = store.pendingCount();

        assertThat(publisher.publishPending()).isZero();

        assertThat(pending).isEqualTo(5 + 5 + 1);
        assertThat(store.pendingCount()).isEqualTo(pending);
        assertThat(catalogue.versions("SELM7-02")).containsExactly(1, 2);
    }
}
