package io.qualtrack.observability;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing listens on port 1: both components must say DOWN, quickly, with the reason, and never throw. */
class ReachabilityTest {

    @Test
    void kafkaIsDownWhenNoBrokerAnswers() throws Exception {
        var kafka = new KafkaReachability(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"), Duration.ofMillis(500));
        try {
            long started = System.nanoTime();
            Health health = kafka.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void mongoIsDownWhenNoServerAnswers() {
        try (var client = MongoClients.create("mongodb://localhost:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            Health health = new MongoReachability(client).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        }
    }
}
