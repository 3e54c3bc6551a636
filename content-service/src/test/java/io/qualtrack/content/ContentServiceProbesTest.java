package io.qualtrack.content;

import io.qualtrack.testsupport.ServiceProbes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class ContentServiceProbesTest extends ContentServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void answersLivenessAndReadinessProbesAndExportsTaggedMetrics() {
        ServiceProbes.assertUpAndTagged(port, "content-service");
        assertThat(ServiceProbes.get(port, "/actuator/prometheus").body()).contains("qualtrack_content_publication_pending");
    }
}
