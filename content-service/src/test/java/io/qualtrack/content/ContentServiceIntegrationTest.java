package io.qualtrack.content;

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
 * The whole service against a real Kafka broker (embedded KRaft) and the MongoDB stand-in. Test
 * classes extend this so they share one Spring context and one broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@ActiveProfiles("it")
@Import(ContentServiceIntegrationTest.AsAnAuthor.class)
public abstract class ContentServiceIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri("content-it"));
        TestTokens.trustTestIssuer(registry);
    }

    /** Requests are made by a content author unless a test says otherwise. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AsAnAuthor {
        @Bean
        MockMvcBuilderCustomizer asAnAuthor() {
            return TestTokens.byDefaultAs(TestCaller.author());
        }
    }
}
