package io.qualtrack.progress;

import io.qualtrack.testsupport.ServiceProbes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressServiceProbesTest extends ProgressServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void answersLivenessAndReadinessProbesAndExportsTaggedMetrics() {
        assertThat(ServiceProbes.get(port, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(ServiceProbes.get(port, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        ServiceProbes.Probe metrics = ServiceProbes.get(port, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"progress-service\"").contains("qualtrack_progress_parked");
    }
}
