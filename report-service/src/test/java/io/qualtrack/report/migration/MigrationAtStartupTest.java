package io.qualtrack.report.migration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.qualtrack.testsupport.MongoStandIn;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.event.ConsumerStartingEvent;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * report-service started on a database of the old shape: migrated before any Kafka consumer starts. A context of its
 * own (a database must be old before the service starts), closed after.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@ActiveProfiles("it")
@Import(MigrationAtStartupTest.ConsumerStarts.class)
@DirtiesContext
class MigrationAtStartupTest {

    private static final String BROKERS = "spring.embedded.kafka.brokers";
    private static @Nullable String sharedBrokers;

    /**
     * Every embedded broker publishes its address in this system property and none takes it back: the shared test
     * context, started before or after this one, keeps resolving it, so it must name the shared context's broker again.
     */
    @BeforeAll
    static void keepTheSharedBrokersAddress() {
        sharedBrokers = System.getProperty(BROKERS);
    }

    @AfterAll
    static void restoreTheSharedBrokersAddress() {
        if (sharedBrokers == null) {
            System.clearProperty(BROKERS);
        } else {
            System.setProperty(BROKERS, sharedBrokers);
        }
    }

    /** The migrations' states (re-keying, typing) each time a listener container's consumer starts. */
    static final List<String> STATES_AT_CONSUMER_START = new CopyOnWriteArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class ConsumerStarts {
        @Bean
        ApplicationListener<ConsumerStartingEvent> migrationStateWhenAConsumerStarts(MongoTemplate mongo) {
            return event -> {
                STATES_AT_CONSUMER_START.add(state(mongo, EnrolmentKeyMigration.MARKER_ID) + " " + state(mongo, TypedReadModelMigration.MARKER_ID));
            };
        }
    }

    private static String state(MongoTemplate mongo, String migration) {
        Document marker = mongo.getCollection(EnrolmentKeyMigration.MARKERS).find(Filters.eq("_id", migration)).first();
        return marker == null ? "none" : marker.getString("state");
    }

    @DynamicPropertySource
    static void oldDatabase(DynamicPropertyRegistry registry) {
        String uri = MongoStandIn.uri("report-migration");
        try (MongoClient client = MongoClients.create(uri)) {
            OldReadModels.write(new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1)));
        }
        registry.add("spring.mongodb.uri", () -> uri);
        TestTokens.trustTestIssuer(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theConsumersStartOnMigratedReadModels() {
        // a consumer thread announces its start on its own, possibly after the context is ready
        await().atMost(Duration.ofSeconds(30)).until(() -> STATES_AT_CONSUMER_START.size() >= 2);
        assertThat(STATES_AT_CONSUMER_START).as("progress and content consumers").containsOnly("DONE DONE");
        assertThat(mvc.get().uri("/api/learners/B-1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.learner("C-SOUTH", "B-1"))))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.enrolments[*].qualificationCode", q -> q.assertThat().asList().containsExactly("Q1", "Q2"));
        assertThat(mvc.get().uri("/api/centres/C-NORTH/cohorts/N-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.staff("C-NORTH"))))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(2));
        assertThat(mongo.getCollection("enrolment_views").countDocuments(Filters.type("row", "object"))).as("typed rows").isEqualTo(6);
    }
}
