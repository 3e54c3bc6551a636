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
        ServiceProbes.assertUpAndTagged(port, "report-service");
        assertThat(ServiceProbes.get(port, "/actuator/prometheus").body()).contains("qualtrack_report_snapshot_lag");
    }
}
