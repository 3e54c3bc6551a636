package io.qualtrack.system;

import io.qualtrack.content.ContentServiceApplication;
import io.qualtrack.progress.ProgressServiceApplication;
import io.qualtrack.report.ReportServiceApplication;
import io.qualtrack.testsupport.ContainersConfiguration;
import io.qualtrack.testsupport.MongoStandIn;
import io.qualtrack.testsupport.TestIssuer;
import io.qualtrack.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.function.ThrowingConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * content-, progress- and report-service started in this JVM, each from its own {@code main}, against one Kafka broker
 * and one MongoDB server: the embedded broker and the stand-in ({@link #shared()}), or containers ({@link #onContainers()}).
 * Each is started once per JVM, shared by the system tests that ask for it, and stopped when the JVM exits. All three
 * trust the JVM's {@link TestIssuer}: tests call them with its tokens, as any client would with a real provider's.
 */
final class RunningSystem implements AutoCloseable {

    private static RunningSystem shared;
    private static RunningSystem onContainers;

    /** On a real Kafka broker in this JVM (embedded KRaft) and the MongoDB stand-in: needs nothing but a JDK. */
    static synchronized RunningSystem shared() {
        if (shared == null) {
            shared = started(Infrastructure.embedded());
        }
        return shared;
    }

    /** On one Kafka and one MongoDB container (needs Docker), all three services connected to both. */
    static synchronized RunningSystem onContainers() {
        if (onContainers == null) {
            onContainers = started(Infrastructure.containers());
        }
        return onContainers;
    }

    private static RunningSystem started(Infrastructure infrastructure) {
        RunningSystem system = new RunningSystem(infrastructure);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "running-system-stop"));
        return system;
    }

    /**
     * Where the services find Kafka and MongoDB: configuration classes each service starts with besides its own, and
     * per service the properties that point it there (each service gets its own database).
     */
    private record Infrastructure(Class<?>[] configurations, Function<String, List<String>> properties, Runnable stop) {

        static Infrastructure embedded() {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.afterPropertiesSet();
            return new Infrastructure(new Class<?>[0], name -> List.of(
                    "spring.mongodb.uri=" + MongoStandIn.uri("system-" + name),
                    "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString()), kafka::destroy);
        }

        /**
         * {@code @ServiceConnection} shares one container between the three contexts: {@link ContainersConfiguration}
         * hands each the same JVM-wide containers, which outlive every context (see its comments for why the Kafka
         * binder is also given the brokers as properties). The connection details name one database for all;
         * {@code spring.mongodb.database} wins over it, so each service keeps its own, as in production.
         */
        static Infrastructure containers() {
            return new Infrastructure(new Class<?>[]{ContainersConfiguration.class},
                    name -> List.of("spring.mongodb.database=system-" + name), () -> {
                    });
        }
    }

    private final Infrastructure infrastructure;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    final int contentPort;
    final int progressPort;
    final int reportPort;

    private boolean closed;

    private RunningSystem(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        contentPort = start(ContentServiceApplication::main, "content");
        progressPort = start(ProgressServiceApplication::main, "progress", "qualtrack.progress.parking.sweep-interval=1s");
        reportPort = start(ReportServiceApplication::main, "report");
    }

    private int start(ThrowingConsumer<String[]> main, String name, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "logging.level.root=WARN",
                "logging.level.org.apache.kafka=ERROR",
                "logging.level.kafka=ERROR",
                "logging.level.state.change.logger=ERROR",
                TestTokens.ISSUER_PROPERTY + "=" + TestIssuer.shared().uri(),
                // every test calls from 127.0.0.1, many as one caller, and the isolation suite sends every kind of bad
                // token to every endpoint: room for all of that (the limits themselves are tested in each service)
                "qualtrack.rate-limit.failed-authentications.capacity=100000",
                "qualtrack.rate-limit.reads.capacity=100000",
                "qualtrack.rate-limit.reads.exports.capacity=100000"));
        properties.addAll(infrastructure.properties().apply(name));
        properties.addAll(List.of(extra));
        // as arguments, so they outrank the service's own configuration file
        ConfigurableApplicationContext context = SpringApplication.from(main).with(infrastructure.configurations())
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new)).getApplicationContext();
        services.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        infrastructure.stop().run();
    }
}
