package io.qualtrack.progress;

import io.qualtrack.testsupport.MongoStandIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * progress-service against a real Kafka broker (embedded KRaft) and the MongoDB stand-in, with a
 * short enrolment grace so "not enrolled" shows within a test. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qualtrack.progress.parking.enrolment-grace=2s",
        "qualtrack.progress.parking.sweep-interval=500ms"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@ActiveProfiles("it")
public abstract class ProgressServiceIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri("progress-it"));
    }
}
