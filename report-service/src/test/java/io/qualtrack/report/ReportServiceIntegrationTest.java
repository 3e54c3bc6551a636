package io.qualtrack.report;

import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.testsupport.MongoStandIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * report-service against a real Kafka broker (embedded KRaft) and the MongoDB stand-in, on a fixed
 * day 150 days into {@link Snapshots}' planned period. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@ActiveProfiles("it")
@Import(ReportServiceIntegrationTest.FixedDay.class)
public abstract class ReportServiceIntegrationTest {

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedDay() {
            return Clock.fixed(Snapshots.START.plusDays(150).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri("report-it"));
    }
}
