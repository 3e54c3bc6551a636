package io.qualtrack.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka and MongoDB in containers (needs Docker), wired in through {@code @ServiceConnection}: for a service's
 * {@code @SpringBootTest} ({@code @Import}) and its {@code Test…Application}
 * ({@code SpringApplication.from(…::main).with(ContainersConfiguration.class)}).
 * <p>
 * Every context given this configuration in one JVM connects to the same two containers ({@link JvmContainers}), so the
 * system tests start the three services against one broker and one server. Each service still keeps its own data: give
 * it {@code spring.mongodb.database}, which wins over the database of the connection details.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainersConfiguration {

    @Bean
    @ServiceConnection
    KafkaContainer kafka() {
        return JvmContainers.KAFKA;
    }

    @Bean
    @ServiceConnection
    MongoDBContainer mongo() {
        return JvmContainers.MONGO;
    }

    /**
     * The Kafka binder (Spring Cloud Stream 5.0.2) gives its consumers and producers the bootstrap servers of
     * {@code spring.kafka.bootstrap-servers} (which always has a value, {@code localhost:9092} at least) and reads
     * {@code KafkaConnectionDetails} only where that is missing; only its topic provisioner's admin client uses them.
     * So the binder is pointed at the container by properties as well; Spring Boot's own Kafka beans take the
     * connection details.
     */
    @Bean
    DynamicPropertyRegistrar kafkaBinderBrokers(KafkaContainer kafka) {
        return registry -> {
            registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
            registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
        };
    }
}
