package io.qualtrack.report;

import io.qualtrack.testsupport.MongoStandIn;
import io.qualtrack.testsupport.ServiceProbes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka
@ActiveProfiles("it")
class ReportServiceProbesTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri("report-it"));
    }

    @LocalServerPort
    int port;

    @Test
    void answersLivenessAndReadinessProbesAndExportsTaggedMetrics() {
        assertThat(ServiceProbes.get(port, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(ServiceProbes.get(port, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        ServiceProbes.Probe metrics = ServiceProbes.get(port, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"report-service\"");
    }
}
