package io.qualtrack.localstack.benchmark;

import io.qualtrack.localstack.CatalogueSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the long-history workload needs of the catalogue: each qualification's units (the version the catalogue
 * lists) with their criterion codes, in the qualification's order; the same units the demo's generator uses.
 * {@link CatalogueSnapshot}'s unit and qualification records are package-private to {@code io.qualtrack.localstack},
 * so they are read here through their JSON form (their public record components).
 *
 * @param units qualification code → its units that the catalogue has, in the qualification's order
 */
record Syllabus(Map<String, List<Unit>> units) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One version of a unit and its criterion codes, as the catalogue lists them. */
    record Unit(String code, int version, List<String> criteria) {
        Unit {
            criteria = List.copyOf(criteria);
        }
    }

    Syllabus {
        Map<String, List<Unit>> copy = new LinkedHashMap<>();
        units.forEach((code, list) -> copy.put(code, List.copyOf(list)));
        units = java.util.Collections.unmodifiableMap(copy);
    }

    static Syllabus of(CatalogueSnapshot catalogue) {
        JsonNode tree = JSON.valueToTree(catalogue);
        Map<String, Unit> byCode = new LinkedHashMap<>();
        for (JsonNode unit : tree.path("units")) {
            List<String> criteria = new ArrayList<>();
            unit.path("criterionCodes").forEach(code -> criteria.add(code.asString()));
            // the first listing of a code, as CatalogueSnapshot.unit(code) finds it
            byCode.putIfAbsent(unit.path("code").asString(), new Unit(unit.path("code").asString(), unit.path("version").asInt(), criteria));
        }
        Map<String, List<Unit>> units = new LinkedHashMap<>();
        for (JsonNode qualification : tree.path("qualifications")) {
            List<Unit> of = new ArrayList<>();
            qualification.path("unitCodes").forEach(code -> {
                Unit unit = byCode.get(code.asString());
                if (unit != null) {
                    of.add(unit);
                }
            });
            units.put(qualification.path("code").asString(), of);
        }
        return new Syllabus(units);
    }

    int criteria(String qualificationCode) {
        return units.getOrDefault(qualificationCode, List.of()).stream().mapToInt(u -> u.criteria().size()).sum();
    }

    /**
     * The qualifications with the most criteria (at least 12, or the largest there is: the diplomas of the seed
     * catalogue), in code order: those a learner spends 12 to 18 months and some 200 events on.
     */
    List<String> largest() {
        int most = units.keySet().stream().mapToInt(this::criteria).max().orElse(0);
        if (most == 0) {
            throw new IllegalArgumentException("the catalogue has no qualification with units and criteria");
        }
        return units.keySet().stream().filter(code -> criteria(code) >= Math.min(12, most)).sorted().toList();
    }
}
