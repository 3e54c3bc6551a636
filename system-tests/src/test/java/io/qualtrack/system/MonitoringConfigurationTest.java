package io.qualtrack.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus' scrape configuration and Grafana's provisioning, against the services and the compose stack. */
class MonitoringConfigurationTest {

    private final OperationsFiles files = OperationsFiles.get();

    @Test
    void prometheusScrapesEveryServicesPrometheusEndpointOnItsPort() throws IOException {
        Map<String, Object> prometheus = files.yaml("ops/prometheus/prometheus.yml", "prometheus.yml");
        List<Map<String, Object>> scrapes = new ArrayList<>();
        for (Object scrape : (List<?>) prometheus.get("scrape_configs")) {
            scrapes.add(map(scrape, "scrape_config"));
        }
        List<String> problems = new ArrayList<>();
        for (ServiceConfig config : files.configs.values()) {
            String target = config.name() + ":" + config.port();
            Map<String, Object> scrape = scrapes.stream().filter(s -> targets(s).contains(target)).findFirst().orElse(null);
            if (scrape == null) {
                problems.add("no scrape config targets " + target + " (targets: "
                        + scrapes.stream().flatMap(s -> targets(s).stream()).toList() + ")");
                continue;
            }
            if (!"/actuator/prometheus".equals(scrape.get("metrics_path"))) {
                problems.add(target + ": metrics_path " + scrape.get("metrics_path") + ", not /actuator/prometheus");
            }
            if (!"5s".equals(scrape.get("scrape_interval"))) {
                problems.add(target + ": scrape_interval " + scrape.get("scrape_interval") + ", not 5s");
            }
        }
        List<String> mounts = strings(map(files.composeServices.get("prometheus"), "prometheus").get("volumes"));
        if (mounts.stream().noneMatch(m -> m.startsWith("./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"))) {
            problems.add("the prometheus service does not mount ./ops/prometheus/prometheus.yml: " + mounts);
        }
        assertThat(problems).as("ops/prometheus/prometheus.yml").isEmpty();
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboard() throws IOException {
        Map<String, Object> datasources = files.yaml("ops/grafana/provisioning/datasources/prometheus.yml", "datasources");
        Map<String, Object> datasource = map(((List<?>) datasources.get("datasources")).getFirst(), "datasource");
        assertThat(datasource.get("url")).as("the data source is the compose Prometheus").isEqualTo("http://prometheus:9090");
        assertThat(GrafanaDashboard.read(files.root).datasourceUids()).as("data source uids the dashboard names")
                .containsOnly(String.valueOf(datasource.get("uid")));

        Map<String, Object> providers = files.yaml("ops/grafana/provisioning/dashboards/qualtrack.yml", "dashboard providers");
        String path = String.valueOf(map(map(((List<?>) providers.get("providers")).getFirst(), "provider").get("options"), "options").get("path"));
        List<String> mounts = strings(map(files.composeServices.get("grafana"), "grafana").get("volumes"));
        assertThat(mounts).as("grafana mounts the provisioning and the dashboards where the provider looks (" + path + ")")
                .anyMatch(m -> m.startsWith("./ops/grafana/provisioning:/etc/grafana/provisioning"))
                .anyMatch(m -> m.startsWith("./ops/grafana/dashboards:" + path));
    }

    /** The targets of a scrape config's static configs. */
    private static List<String> targets(Map<String, Object> scrape) {
        List<String> targets = new ArrayList<>();
        if (scrape.get("static_configs") instanceof List<?> statics) {
            for (Object config : statics) {
                targets.addAll(strings(map(config, "static_config").get("targets")));
            }
        }
        return targets;
    }
}
