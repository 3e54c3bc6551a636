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
import io.qualtrack.system.KafkaTopicsJob.Command;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.tools.AclCommand;
import org.apache.kafka.tools.TopicCommand;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compose stack's Kafka security, for real. A KRaft broker in this JVM with the compose file's broker settings
 * (listeners with their names, protocols and login modules, the authorizer, super users; on free loopback ports and
 * in a temporary directory), its storage formatted with the arguments of {@code ops/kafka/start}; then the
 * {@code kafka-topics} job's commands, run through the main classes of {@code kafka-topics.sh}, {@code
 * kafka-configs.sh} and {@code kafka-acls.sh} with the job's arguments. Clients then sign in with the configuration
 * each service builds under the compose environment ({@link ServiceKafkaClients}), and as the centre system with
 * what {@code ops/kafka/client-properties} prints: each can do what it must, and not what it must not.
 */
class ComposedKafkaAclsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String COMPOSE_INTERNAL = "kafka:9092";
    private static final String JOB_CLIENT_CONFIG = "/tmp/admin.properties";

    @TempDir
    static Path directory;

    private static final OperationsFiles files = OperationsFiles.get();
    private static final ComposedKafkaBroker composed = ComposedKafkaBroker.of(files);
    private static final KafkaTopicsJob job = new KafkaTopicsJob(files);
    /** By compose listener name, its address here. */
    private static final Map<String, String> local = new LinkedHashMap<>();
    private static KafkaRaftServer broker;

    @BeforeAll
    static void startTheComposedBrokerAndRunTheTopicsJob() throws Exception {
        LoggingSystem logging = LoggingSystem.get(ComposedKafkaAclsTest.class.getClassLoader());
        List.of("kafka", "org.apache.kafka", "state.change.logger").forEach(logger -> logging.setLogLevel(logger, LogLevel.WARN));
        Properties properties = new Properties();
        properties.putAll(composed.properties());
        List<String> listeners = new ArrayList<>();
        for (ComposedKafkaBroker.Listener listener : composed.listeners()) {
            local.put(listener.name(), "127.0.0.1:" + freePort());
            listeners.add(listener.name() + "://" + local.get(listener.name()));
        }
        properties.setProperty("listeners", String.join(",", listeners));
        properties.setProperty("advertised.listeners", String.join(",",
                composed.advertised().keySet().stream().map(name -> name + "://" + local.get(name)).toList()));
        String controller = composed.property("controller.listener.names");
        properties.setProperty("controller.quorum.voters", composed.property("node.id") + "@" + local.get(controller));
        properties.setProperty("log.dirs", directory.resolve("kafka").toString());

        format(properties);
        broker = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        broker.startup();
        runTheTopicsJob();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void theCentreSystemProducesActivityFromTheHostButReadsNothingAndWritesNothingElse() throws Exception {
        Properties centre = clientProperties(KafkaCredentialsTest.CENTRE_SYSTEM, job.scramPasswords().get(KafkaCredentialsTest.CENTRE_SYSTEM));
        centre.setProperty("bootstrap.servers", local.get(hostListener()));
        Map<String, Object> configuration = new HashMap<>();
        centre.forEach((key, value) -> configuration.put(String.valueOf(key), value));

        assertThat(offsetOfSend(configuration, Topics.ACTIVITY)).as("the centre system's (idempotent) producer writes activity").isNotNegative();
        assertThatThrownBy(() -> offsetOfSend(configuration, Topics.PROGRESS)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(configuration, Topics.PROGRESS)).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(configuration, Topics.ACTIVITY)).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> consumeAsGroup(configuration, "progress-service", Topics.ACTIVITY, "anything"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void contentServicePublishesContentAndFindsItsTopicButCreatesNoTopic() throws Exception {
        Map<String, Map<String, Object>> content = clients("content-service");
        assertThat(offsetOfSend(content.get("binder producer"), Topics.CONTENT)).isNotNegative();
        try (Admin admin = Admin.create(content.get("Spring Kafka admin (KafkaAdmin: NewTopic beans, health)"))) {
            assertThat(admin.describeTopics(List.of(Topics.CONTENT)).allTopicNames().get()).as("its NewTopic is found").containsKey(Topics.CONTENT);
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("qualtrack.unexpected", 1, (short) 1))).all().get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> readFromStart(content.get("Spring Kafka consumer"), Topics.ACTIVITY)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void progressServiceConsumesActivityAndContentAndWritesActivityProgressAndDeadLetters() throws Exception {
        Map<String, Map<String, Object>> progress = clients("progress-service");
        Map<String, Object> producer = progress.get("Spring Kafka producer (KafkaTemplate)");
        String activity = "activity-" + UUID.randomUUID();
        String content = "content-" + UUID.randomUUID();
        send(producer, Topics.ACTIVITY, activity);
        send(clients("content-service").get("binder producer"), Topics.CONTENT, content);

        consumeAsGroup(progress.get("binder consumer"), "progress-service", Topics.ACTIVITY, activity);
        consumeAsGroup(progress.get("binder consumer"), "progress-service-replay-1", Topics.CONTENT, content);
        assertThat(offsetOfSend(producer, Topics.PROGRESS)).isNotNegative();
        assertThat(offsetOfSend(producer, Topics.ACTIVITY_DEAD_LETTER)).isNotNegative();
        assertThat(readFromStart(progress.get("Spring Kafka consumer"), Topics.ACTIVITY_DEAD_LETTER))
                .as("the dead-letter reader (no group) reads the dead letters").isNotEmpty();

        assertThatThrownBy(() -> offsetOfSend(producer, Topics.CONTENT)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> consumeAsGroup(progress.get("binder consumer"), "report-service", Topics.ACTIVITY, activity))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void reportServiceConsumesProgressAndContentAndWritesOnlyItsDeadLetters() throws Exception {
        Map<String, Map<String, Object>> report = clients("report-service");
        String snapshot = "progress-" + UUID.randomUUID();
        send(clients("progress-service").get("Spring Kafka producer (KafkaTemplate)"), Topics.PROGRESS, snapshot);

        consumeAsGroup(report.get("binder consumer"), "report-service", Topics.PROGRESS, snapshot);
        Map<String, Object> producer = report.get("Spring Kafka producer (KafkaTemplate)");
        assertThat(offsetOfSend(producer, Topics.PROGRESS_REPORT_DEAD_LETTER)).isNotNegative();

        assertThatThrownBy(() -> offsetOfSend(producer, Topics.PROGRESS)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(report.get("Spring Kafka consumer"), Topics.ACTIVITY)).isInstanceOf(TopicAuthorizationException.class);
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

            Map<String, Object> admin = new HashMap<>();
            clientProperties("admin", files.env.get("KAFKA_ADMIN_PASSWORD")).forEach((key, value) -> admin.put(String.valueOf(key), value));
            admin.put("bootstrap.servers", local.get(composed.listenerAdvertisedAs(COMPOSE_INTERNAL).name()));
            try (Admin kafka = Admin.create(admin)) {
                for (String group : List.of("progress-service", "report-service")) {
                    Awaitility.await(group + " consumes the seeded catalogue").atMost(WAIT.multipliedBy(2)).until(() ->
                            kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
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

    /** A service on this broker and the stand-in, its Kafka security from the compose environment. */
    private static int start(List<ConfigurableApplicationContext> services, ThrowingConsumer<String[]> main, String service) {
        String kafka = local.get(composed.listenerAdvertisedAs(COMPOSE_INTERNAL).name());
        List<String> properties = new ArrayList<>(List.of("server.port=0", "logging.level.root=WARN",
                "logging.level.org.apache.kafka=ERROR", "logging.level.kafka=ERROR", "logging.level.state.change.logger=ERROR",
                TestTokens.ISSUER_PROPERTY + "=" + TestIssuer.shared().uri(),
                "spring.mongodb.uri=" + MongoStandIn.uri("compose-kafka-" + service),
                "spring.kafka.bootstrap-servers=" + kafka, "spring.cloud.stream.kafka.binder.brokers=" + kafka));
        files.containerEnvironment(service).forEach((variable, value) -> {
            if (variable.startsWith("SPRING_")) {
                properties.add(SpringConfigurationMetadata.get().property(variable) + "=" + value);
            }
        });
        ConfigurableApplicationContext context = SpringApplication.from(main)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new)).getApplicationContext();
        services.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties wrong = clientProperties("content-service", "not-the-password");
        wrong.setProperty("bootstrap.servers", local.get(composed.listenerAdvertisedAs(COMPOSE_INTERNAL).name()));
        Map<String, Object> configuration = new HashMap<>();
        wrong.forEach((key, value) -> configuration.put(String.valueOf(key), value));
        assertThatThrownBy(() -> offsetOfSend(configuration, Topics.CONTENT)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    /** The storage formatted as {@code ops/kafka/start} formats it: its format configuration's keys, its arguments. */
    private static void format(Properties broker) throws IOException {
        String start = Files.readString(files.root.resolve("ops/kafka/start")).replace("\\\n", " ");
        Matcher heredoc = Pattern.compile("<<PROPERTIES\n(.*?)\nPROPERTIES\n", Pattern.DOTALL).matcher(start);
        assertThat(heredoc.find()).as("ops/kafka/start writes its format configuration in a <<PROPERTIES here-document").isTrue();
        Properties formatConfiguration = new Properties();
        heredoc.group(1).lines().map(line -> line.substring(0, line.indexOf('=')))
                .forEach(key -> formatConfiguration.setProperty(key, broker.getProperty(key)));
        Path formatConfig = directory.resolve("format.properties");
        try (var out = Files.newBufferedWriter(formatConfig)) {
            formatConfiguration.store(out, null);
        }
        Map<String, String> variables = new HashMap<>(files.containerEnvironment("kafka"));
        variables.put("format_config", formatConfig.toString());
        String line = start.lines().map(String::strip).filter(l -> l.startsWith("/opt/kafka/bin/kafka-storage.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("ops/kafka/start runs no kafka-storage.sh"));
        Command format = KafkaTopicsJob.command(line, variables);
        int status = StorageTool.execute(format.arguments().toArray(String[]::new), new PrintStream(System.out, true, StandardCharsets.UTF_8));
        assertThat(status).as("kafka-storage.sh " + format.arguments().getFirst()).isZero();
    }

    private static void runTheTopicsJob() throws Exception {
        Path clientConfig = directory.resolve("admin.properties");
        for (Command command : job.commands) {
            List<String> arguments = command.arguments().stream()
                    .map(argument -> argument.equals(COMPOSE_INTERNAL) ? local.get(composed.listenerAdvertisedAs(COMPOSE_INTERNAL).name())
                            : argument.equals(JOB_CLIENT_CONFIG) ? clientConfig.toString() : argument)
                    .toList();
            if (command.tool().equals("sh")) {
                assertThat(arguments).as("the job's only shell command writes its client configuration").hasSize(5).contains(">");
                run(List.of("sh", files.root.resolve("ops/kafka/client-properties").toString(), arguments.get(1), arguments.get(2)), clientConfig);
                continue;
            }
            String[] args = arguments.toArray(String[]::new);
            toolRun(command.toolName(), () -> {
                switch (command.toolName()) {
                    case "kafka-topics.sh" -> TopicCommand.main(args);
                    case "kafka-configs.sh" -> kafka.admin.ConfigCommand.main(args);
                    case "kafka-acls.sh" -> AclCommand.main(args);
                    default -> throw new AssertionError("the job runs " + command.tool() + ", which this test does not know");
                }
            });
        }
    }

    /** Runs a tool's main, which calls {@code Exit.exit(status)} when it fails (and {@code exit(0)} at times when it does not). */
    private static void toolRun(String tool, Runnable main) {
        Exit.setExitProcedure((status, message) -> {
            if (status != 0) {
                throw new ToolExit(status, message);
            }
        });
        try {
            main.run();
        } catch (ToolExit exit) {
            assertThat(exit.status).as(tool + " exited with " + exit.status + ": " + exit.getMessage()).isZero();
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static final class ToolExit extends RuntimeException {
        final int status;

        ToolExit(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** What {@code ops/kafka/client-properties user password} prints: the configuration a centre's system is given. */
    private static Properties clientProperties(String user, String password) {
        Path file = directory.resolve(user + "-" + UUID.randomUUID() + ".properties");
        run(List.of("sh", files.root.resolve("ops/kafka/client-properties").toString(), user, password), file);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static void run(List<String> command, Path output) {
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectErrorStream(false).start();
            assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's Kafka client configurations under the compose environment, pointed at this broker. */
    private static Map<String, Map<String, Object>> clients(String service) {
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        String address = local.get(composed.listenerAdvertisedAs(COMPOSE_INTERNAL).name());
        ServiceKafkaClients.of(service, files.containerEnvironment(service)).forEach((client, configuration) -> {
            Map<String, Object> pointed = new HashMap<>(configuration);
            pointed.put("bootstrap.servers", address);
            clients.put(client, pointed);
        });
        return clients;
    }

    private static String hostListener() {
        return composed.advertised().entrySet().stream().filter(entry -> entry.getValue().startsWith("localhost:"))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no listener advertised to the host"));
    }

    private static void send(Map<String, Object> configuration, String topic, String value) throws Exception {
        assertThat(offsetOfSend(configuration, topic, value)).isNotNegative();
    }

    private static long offsetOfSend(Map<String, Object> configuration, String topic) throws Exception {
        return offsetOfSend(configuration, topic, "probe-" + UUID.randomUUID());
    }

    private static long offsetOfSend(Map<String, Object> configuration, String topic, String value) throws Exception {
        Map<String, Object> producer = new HashMap<>(configuration);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            return kafka.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)))
                    .get().offset();
        } catch (ExecutionException e) {
            throw e;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ExecutionException(e);
        }
    }

    /** The records of every partition, from the start, without a consumer group (as the dead-letter reader reads). */
    private static List<String> readFromStart(Map<String, Object> configuration, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(configuration, null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < 6; partition++) {
                partitions.add(new TopicPartition(topic, partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return values(consumer.poll(WAIT), 1);
        }
    }

    /** Consumes as a group member (as a binding does) until {@code expected} is read. */
    private static void consumeAsGroup(Map<String, Object> configuration, String group, String topic, String expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(configuration, group)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            List<String> read = new ArrayList<>();
            while (!read.contains(expected)) {
                assertThat(Instant.now()).as(group + " reads " + expected + " from " + topic + " (read " + read.size() + ")").isBefore(deadline);
                read.addAll(values(consumer.poll(Duration.ofMillis(500)), 0));
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> configuration, String group) {
        Map<String, Object> consumer = new HashMap<>(configuration);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        // as the bindings (start-offset: earliest)
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        return new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<String> values(Iterable<ConsumerRecord<byte[], byte[]>> records, int atLeast) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        assertThat(values.size()).as("records read").isGreaterThanOrEqualTo(atLeast);
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
