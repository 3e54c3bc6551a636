package io.qualtrack.system;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The provisioned Grafana dashboard, {@code ops/grafana/dashboards/qualtrack.json}. */
record GrafanaDashboard(JsonNode json) {

    static GrafanaDashboard read(Path root) throws IOException {
        return new GrafanaDashboard(Http.JSON.readTree(Files.readString(root.resolve("ops/grafana/dashboards/qualtrack.json"))));
    }

    /** Panel title (with the target's refId) → PromQL, panels in rows included. */
    Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        collectQueries(json.path("panels"), queries);
        return queries;
    }

    /** The uid of every data source the dashboard names, wherever it names one. */
    Set<String> datasourceUids() {
        Set<String> uids = new TreeSet<>();
        collectDatasourceUids(json, uids);
        return uids;
    }

    private static void collectQueries(JsonNode panels, Map<String, String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    queries.put(panel.path("title").asString("?") + " [" + target.path("refId").asString("?") + "]", expr);
                }
            }
            collectQueries(panel.path("panels"), queries);
        }
    }

    private static void collectDatasourceUids(JsonNode node, Set<String> uids) {
        if (node.isObject()) {
            JsonNode datasource = node.get("datasource");
            if (datasource != null && datasource.isObject() && datasource.has("uid")) {
                uids.add(datasource.get("uid").asString());
            }
            node.properties().forEach(entry -> collectDatasourceUids(entry.getValue(), uids));
        } else if (node.isArray()) {
            node.forEach(child -> collectDatasourceUids(child, uids));
        }
    }
}
