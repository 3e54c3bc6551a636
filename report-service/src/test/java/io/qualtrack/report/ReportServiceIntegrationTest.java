package io.qualtrack.report;

import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.testsupport.MongoStandIn;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
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
 * day 150 days into {@link Snapshots}' planned period. Subclasses share one context. Tokens and sign-ins come from
 * the {@code TestIssuer}; MockMvc requests carry a token of staff of {@link #CENTRE} unless a test says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@ActiveProfiles("it")
@Import({ReportServiceIntegrationTest.FixedDay.class, ReportServiceIntegrationTest.AsCentreStaff.class})
public abstract class ReportServiceIntegrationTest {

    /** The centre of the API tests' cohorts. */
    public static final String CENTRE = "C-API";

    @TestConfiguration(proxyBeanMethods = false)
    static class AsCentreStaff {
        @Bean
        MockMvcBuilderCustomizer asCentreStaff() {
            return TestTokens.byDefaultAs(TestCaller.staff(CENTRE));
        }
    }

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
        TestTokens.trustTestIssuer(registry);
    }
}
