package io.qualtrack.system;

import io.qualtrack.content.ContentServiceApplication;
import io.qualtrack.contract.Topics;
import io.qualtrack.progress.ProgressServiceApplication;
import io.qualtrack.report.ReportServiceApplication;
import io.qualtrack.testsupport.MongoStandIn;
import io.qualtrack.testsupport.ServiceProbes;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestIssuer;
import io.qualtrack.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.function.ThrowingConsumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.qualtrack.system.KafkaProbes.WAIT;
import static io.qualtrack.system.KafkaProbes.consumeAsGroup;
import static io.qualtrack.system.KafkaProbes.readFromStart;
import static io.qualtrack.system.KafkaProbes.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compose stack's Kafka security, for real ({@link ComposedKafkaHere}: the compose broker settings, users and
 * ACLs on a broker in this JVM). Clients sign in with the configuration each service builds under the compose
 * environment, and as the centre system with what {@code ops/kafka/client-properties} prints: each can do what it
 * must, and not what it must not. Then the three services themselves run on it.
 */
class ComposedKafkaAclsTest {

    private static final String KAFKA_TEMPLATE = "Spring Kafka producer (KafkaTemplate)";
    private static final String DEAD_LETTER_READER = "Spring Kafka consumer";

    @TempDir
    static Path directory;

    private static final OperationsFiles files = OperationsFiles.get();
    private static final KafkaTopicsJob job = new KafkaTopicsJob(files);
    private static ComposedKafkaHere kafka;

    @BeforeAll
    static void startTheComposedBroker() throws Exception {
        LoggingSystem logging = LoggingSystem.get(ComposedKafkaAclsTest.class.getClassLoader());
        List.of("kafka", "org.apache.kafka", "state.change.logger").forEach(logger -> logging.setLogLevel(logger, LogLevel.WARN));
        kafka = new ComposedKafkaHere(files, directory);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theCentreSystemProducesActivityFromTheHostButReadsNothingAndWritesNothingElse() throws Exception {
        String centre = KafkaCredentialsTest.CENTRE_SYSTEM;
        Map<String, Object> configuration = kafka.signedInAs(centre, job.scramPasswords().get(centre), kafka.host());

        assertThat(send(configuration, Topics.ACTIVITY)).as("the centre system's (idempotent) producer writes activity").isNotNegative();
        assertThatThrownBy(() -> send(configuration, Topics.PROGRESS)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(configuration, Topics.PROGRESS)).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(configuration, Topics.ACTIVITY)).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> consumeAsGroup(configuration, "progress-service", Topics.ACTIVITY, "anything"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void contentServicePublishesContentAndFindsItsTopicButCreatesNoTopic() throws Exception {
        Map<String, Map<String, Object>> content = kafka.clientsOf("content-service");
        assertThat(send(content.get("binder producer"), Topics.CONTENT)).isNotNegative();
        try (Admin admin = Admin.create(content.get("Spring Kafka admin (KafkaAdmin: NewTopic beans, health)"))) {
            assertThat(admin.describeTopics(List.of(Topics.CONTENT)).allTopicNames().get()).as("its NewTopic is found").containsKey(Topics.CONTENT);
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("qualtrack.unexpected", 1, (short) 1))).all().get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> readFromStart(content.get(DEAD_LETTER_READER), Topics.ACTIVITY)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void progressServiceConsumesActivityAndContentAndWritesActivityProgressAndDeadLetters() throws Exception {
        Map<String, Map<String, Object>> progress = kafka.clientsOf("progress-service");
        Map<String, Object> producer = progress.get(KAFKA_TEMPLATE);
        String activity = "activity-" + UUID.randomUUID();
        String content = "content-" + UUID.randomUUID();
        send(producer, Topics.ACTIVITY, activity);
        send(kafka.clientsOf("content-service").get("binder producer"), Topics.CONTENT, content);

        consumeAsGroup(progress.get("binder consumer"), "progress-service", Topics.ACTIVITY, activity);
        consumeAsGroup(progress.get("binder consumer"), "progress-service-replay-1", Topics.CONTENT, content);
        assertThat(send(producer, Topics.PROGRESS)).isNotNegative();
        assertThat(send(producer, Topics.ACTIVITY_DEAD_LETTER)).isNotNegative();
        assertThat(readFromStart(progress.get(DEAD_LETTER_READER), Topics.ACTIVITY_DEAD_LETTER))
                .as("the dead-letter reader (no group) reads the dead letters").isNotEmpty();

        assertThatThrownBy(() -> send(producer, Topics.CONTENT)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> consumeAsGroup(progress.get("binder consumer"), "report-service", Topics.ACTIVITY, activity))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void reportServiceConsumesProgressAndContentAndWritesOnlyItsDeadLetters() throws Exception {
        Map<String, Map<String, Object>> report = kafka.clientsOf("report-service");
        String snapshot = "progress-" + UUID.randomUUID();
        send(kafka.clientsOf("progress-service").get(KAFKA_TEMPLATE), Topics.PROGRESS, snapshot);

        consumeAsGroup(report.get("binder consumer"), "report-service", Topics.PROGRESS, snapshot);
        Map<String, Object> producer = report.get(KAFKA_TEMPLATE);
        assertThat(send(producer, Topics.PROGRESS_REPORT_DEAD_LETTER)).isNotNegative();

        assertThatThrownBy(() -> send(producer, Topics.PROGRESS)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(report.get(DEAD_LETTER_READER), Topics.ACTIVITY)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = kafka.signedInAs("content-service", "not-the-password", kafka.internal());
        assertThatThrownBy(() -> send(wrong, Topics.CONTENT)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    /**
     * The services themselves, given the compose environment's {@code SPRING_…} variables (as the properties they bind
     * to) and this broker: each is ready (its health check signs in), content-service publishes the catalogue it seeds,
     * both consumers take it under their groups, and progress-service's dead-letter reader answers.
     */
    @Test
    void theServicesStartSignedInAsThemselvesAndTheSeededCatalogueReachesBothConsumers() throws Exception {
        List<ConfigurableApplicationContext> services = new ArrayList<>();
        try {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("content-service", start(services, ContentServiceApplication::main, "content-service"));
            ports.put("progress-service", start(services, ProgressServiceApplication::main, "progress-service"));
            ports.put("report-service", start(services, ReportServiceApplication::main, "report-service"));
            ports.forEach((service, port) -> Awaitility.await(service + " ready").atMost(WAIT)
                    .untilAsserted(() -> ServiceProbes.assertUpAndTagged(port, service)));

            try (Admin admin = Admin.create(kafka.signedInAs("admin", files.env.get("KAFKA_ADMIN_PASSWORD"), kafka.internal()))) {
                for (String group : List.of("progress-service", "report-service")) {
                    Awaitility.await(group + " consumes the seeded catalogue").atMost(WAIT.multipliedBy(2)).until(() ->
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                                    .getOrDefault(new TopicPartition(Topics.CONTENT, 0), new OffsetAndMetadata(0)).offset() > 0);
                }
            }
            Http.Response deadLetters = Http.get(ports.get("progress-service"), "/api/operations/dead-letters", TestCaller.operations());
            assertThat(deadLetters.status()).as("the dead-letter reader signs in: " + deadLetters.body()).isEqualTo(200);
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
        }
    }

    /** A service on this broker and the MongoDB stand-in, its Kafka security from the compose environment. */
    private static int start(List<ConfigurableApplicationContext> services, ThrowingConsumer<String[]> main, String service) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "logging.level.root=WARN",
                "logging.level.org.apache.kafka=ERROR", "logging.level.kafka=ERROR", "logging.level.state.change.logger=ERROR",
                TestTokens.ISSUER_PROPERTY + "=" + TestIssuer.shared().uri(),
                "spring.mongodb.uri=" + MongoStandIn.uri("compose-kafka-" + service),
                "spring.kafka.bootstrap-servers=" + kafka.internal(), "spring.cloud.stream.kafka.binder.brokers=" + kafka.internal()));
        files.containerEnvironment(service).forEach((variable, value) -> {
            if (variable.startsWith("SPRING_")) {
                properties.add(SpringConfigurationMetadata.get().property(variable) + "=" + value);
            }
        });
        // as arguments, so they outrank the service's own configuration file
        ConfigurableApplicationContext context = SpringApplication.from(main)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new)).getApplicationContext();
        services.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
