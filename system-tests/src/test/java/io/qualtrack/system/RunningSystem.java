package io.qualtrack.system;

import io.qualtrack.content.ContentServiceApplication;
import io.qualtrack.progress.ProgressServiceApplication;
import io.qualtrack.report.ReportServiceApplication;
import io.qualtrack.testsupport.MongoStandIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.ArrayList;
import java.util.List;

/** content-, progress- and report-service started in this JVM against one real Kafka broker and the MongoDB stand-in. */
final class RunningSystem implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    final int contentPort;
    final int progressPort;
    final int reportPort;

    RunningSystem() {
        kafka.afterPropertiesSet();
        contentPort = start(ContentServiceApplication.class, "content");
        progressPort = start(ProgressServiceApplication.class, "progress",
                "qualtrack.progress.parking.sweep-interval=1s");
        reportPort = start(ReportServiceApplication.class, "report");
    }

    private int start(Class<?> application, String name, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.mongodb.uri=" + MongoStandIn.uri("system-" + name),
                "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString(),
                "logging.level.root=WARN",
                "logging.level.org.apache.kafka=ERROR",
                "logging.level.kafka=ERROR",
                "logging.level.state.change.logger=ERROR"));
        properties.addAll(List.of(extra));
        // as arguments, so they outrank the service's own configuration file
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        services.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        kafka.destroy();
    }
}
