package io.qualtrack.report;

import io.qualtrack.testsupport.ServiceProbes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class ReportServiceProbesTest extends ReportServiceIntegrationTest {

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
