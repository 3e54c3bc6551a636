package io.qualtrack.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka and one MongoDB container per JVM, whatever number of application contexts use them.
 * <p>
 * Spring Boot stops a container bean when its context closes (its lifecycle post-processor closes every
 * {@code Startable} bean, and an {@code AutoCloseable} bean is closed by the inferred destroy method anyway). With one
 * container behind three services, the first service to stop would take Kafka and MongoDB from the other two while
 * they shut down. So these ignore {@code stop()}: Testcontainers' reaper (Ryuk) removes them when the JVM ends.
 * Starting is left to Spring Boot, which starts a container bean before it is used; a second start is a no-op.
 */
final class JvmContainers {

    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1") {
        @Override
        public void stop() {
            // removed with the JVM, see the class comment
        }
    };

    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0") {
        @Override
        public void stop() {
            // removed with the JVM, see the class comment
        }
    };

    private JvmContainers() {
    }
}
