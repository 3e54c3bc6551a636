package io.qualtrack.progress;

import io.qualtrack.testsupport.MongoStandIn;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * progress-service against a real Kafka broker (embedded KRaft) and the MongoDB stand-in, with a
 * short enrolment grace so "not enrolled" shows within a test. Subclasses share one context. Tokens come from the
 * {@code TestIssuer}; requests are made by staff of {@link #CENTRE} unless a test says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qualtrack.progress.parking.enrolment-grace=2s",
        "qualtrack.progress.parking.sweep-interval=500ms"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@ActiveProfiles("it")
@Import(ProgressServiceIntegrationTest.AsCentreStaff.class)
public abstract class ProgressServiceIntegrationTest {

    /** The centre the tests' activity is for. */
    public static final String CENTRE = "C-1";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri("progress-it"));
        TestTokens.trustTestIssuer(registry);
    }

    /** Staff submit their centre's activity and read its learners' progress. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class AsCentreStaff {
        @Bean
        MockMvcBuilderCustomizer asCentreStaff() {
            return TestTokens.byDefaultAs(TestCaller.staff(CENTRE));
        }
    }
}
