package io.qualtrack.system;

import io.qualtrack.testsupport.TestCaller;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the running services export on {@code /actuator/prometheus}, scraped as Prometheus would. */
final class ExportedMetrics {

    private ExportedMetrics() {
    }

    /**
     * Per service: every exported series name with its label names, after an enrolment, evidence and a dead letter in
     * the system the system tests share. The scrapes are kept in {@code target/scraped-metrics}.
     */
    static Map<String, Map<String, Set<String>>> afterSomeActivity() throws IOException {
        RunningSystem system = RunningSystem.shared();
        JsonNode unit = Http.get(system.contentPort, "/api/units/SELM7-04", TestCaller.operations()).json();
        int version = unit.get("version").asInt();
        String criterion = unit.at("/learningOutcomes/0/criteria/0/code").asString();
        String learner = "OPS-" + UUID.randomUUID().toString().substring(0, 8);
        String enrolled = ActivityJson.event("LearnerEnrolled", "C-OPS", learner,
                ",\"cohortId\":\"K-OPS\",\"startDate\":\"2026-01-05\",\"plannedEndDate\":\"2027-01-05\"");
        String evidence = ActivityJson.event("EvidenceSubmitted", "C-OPS", learner,
                ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"evidenceRef\":\"ops-essay\",\"criterionCodes\":[\"%s\"]"
                        .formatted(version, criterion));
        String unknownCriterion = ActivityJson.event("EvidenceSubmitted", "C-OPS", learner,
                ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"evidenceRef\":\"ops-bad\",\"criterionCodes\":[\"9.9\"]"
                        .formatted(version));
        assertThat(Http.post(system.progressPort, "/api/activities", "[" + enrolled + "," + evidence + "," + unknownCriterion + "]",
                TestCaller.submitter("C-OPS"))
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                Http.get(system.reportPort, "/api/centres/C-OPS/cohorts/K-OPS", TestCaller.operations()).status() == 200
                        && scrape(system.progressPort).containsKey("qualtrack_progress_dead_letters_total")
                        && scrape(system.reportPort).containsKey("qualtrack_report_snapshot_lag_seconds_bucket"));

        Map<String, Integer> ports = Map.of("content-service", system.contentPort, "progress-service", system.progressPort,
                "report-service", system.reportPort);
        Map<String, Map<String, Set<String>>> exported = new TreeMap<>();
        Path out = Path.of("target", "scraped-metrics");
        Files.createDirectories(out);
        for (String service : OperationsFiles.SERVICES) {
            String text = Http.get(ports.get(service), "/actuator/prometheus", TestCaller.operations()).body();
            Files.writeString(out.resolve(service + ".prom"), text);
            exported.put(service, PrometheusExposition.parse(text));
        }
        return exported;
    }

    private static Map<String, Set<String>> scrape(int port) {
        return PrometheusExposition.parse(Http.get(port, "/actuator/prometheus", TestCaller.operations()).body());
    }
}
