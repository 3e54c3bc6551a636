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
        ServiceProbes.assertUpAndTagged(port, "progress-service");
        assertThat(ServiceProbes.get(port, "/actuator/prometheus").body()).contains("qualtrack_progress_parked");
    }
}
