package io.qualtrack.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.qualtrack.system.OperationsFiles.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of the Grafana dashboard against the metrics the running services really export (the system every
 * system test shares, after a little activity): metric names, label names and the applications it selects.
 */
class DashboardMetricsTest {

    @Test
    void everyMetricTheDashboardQueriesIsExportedByTheRunningServices() throws IOException {
        Map<String, Map<String, Set<String>>> exported = ExportedMetrics.afterSomeActivity();
        Map<String, Set<String>> labelsByMetric = new TreeMap<>();
        exported.values().forEach(metrics -> metrics.forEach((metric, labels) ->
                labelsByMetric.computeIfAbsent(metric, m -> new TreeSet<>()).addAll(labels)));

        List<String> problems = new ArrayList<>();
        Map<String, String> queries = GrafanaDashboard.read(OperationsFiles.get().root).queries();
        assertThat(queries).as("PromQL queries in the dashboard").isNotEmpty();
        queries.forEach((panel, expr) -> {
            PromQl query = PromQl.parse(expr);
            if (query.metrics().isEmpty()) {
                problems.add("panel '" + panel + "': no metric found in " + expr);
            }
            for (String metric : query.metrics()) {
                if (!labelsByMetric.containsKey(metric)) {
                    problems.add("panel '" + panel + "' queries " + metric + ", which no service exports"
                            + similar(metric, labelsByMetric.keySet()));
                }
            }
            if (!labelsByMetric.keySet().containsAll(query.metrics())) {
                return;
            }
            Set<String> available = new TreeSet<>();
            query.metrics().forEach(metric -> available.addAll(labelsByMetric.get(metric)));
            for (String label : query.labels()) {
                if (!available.contains(label)) {
                    problems.add("panel '" + panel + "' uses label " + label + ", which " + query.metrics()
                            + " do not have (they have " + available + ")");
                }
            }
            query.applications().stream().filter(application -> !SERVICES.contains(application))
                    .forEach(application -> problems.add("panel '" + panel + "' selects application=\"" + application + "\""));
        });
        assertThat(problems).as("the Grafana dashboard against the metrics the services export (the scrapes are in "
                + "system-tests/target/scraped-metrics)").isEmpty();
    }

    /** The exported series that share the metric's stem, to name in a failure. */
    private static String similar(String metric, Set<String> exported) {
        String stem = metric.replaceAll("_(bucket|sum|count|total|max|created)$", "");
        List<String> near = exported.stream().filter(name -> name.startsWith(stem)).toList();
        return near.isEmpty() ? "" : " (exported: " + near + ")";
    }
}
