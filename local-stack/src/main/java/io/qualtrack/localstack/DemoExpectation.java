package io.qualtrack.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo put in, for checks from outside (CI): learners in total, per centre and per cohort.
 * Written as JSON, e.g. to {@code data/demo-expected.json}.
 */
final class DemoExpectation {

    private DemoExpectation() {
    }

    static Map<String, Object> of(Demo demo) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("seed", demo.seed());
        expected.put("generatedFor", demo.generatedFor().toString());
        expected.put("learners", demo.learners().size());
        expected.put("activities", demo.activities().size());
        List<Map<String, Object>> centres = demo.learnersPerCentre().entrySet().stream()
                .map(centre -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("centreId", centre.getKey());
                    c.put("name", demo.centreNames().get(centre.getKey()));
                    c.put("cohorts", demo.cohorts().stream().filter(k -> k.centreId().equals(centre.getKey())).count());
                    c.put("learners", centre.getValue());
                    return c;
                }).toList();
        expected.put("centres", centres);
        List<Map<String, Object>> cohorts = demo.cohorts().stream()
                .map(cohort -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("centreId", cohort.centreId());
                    c.put("cohortId", cohort.cohortId());
                    c.put("learners", demo.learnersIn(cohort));
                    c.put("behaviours", demo.learnersPerBehaviour(cohort));
                    return c;
                }).toList();
        expected.put("cohorts", cohorts);
        return expected;
    }

    static void write(Demo demo, Path file, HttpJson http) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, http.write(of(demo)) + "\n");
    }
}
