package io.qualtrack.progress.tracking;

import io.qualtrack.replica.CatalogueView;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitDefinition.CriterionDefinition;
import io.qualtrack.contract.content.UnitDefinition.LearningOutcomeDefinition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A two-unit qualification small enough to reason about: Q-SMALL = U-ONE (LO1: 1.1, 1.2; LO2: 2.1)
 * + U-TWO (LO1: 1.1).
 */
public class SmallCatalogue implements CatalogueView {

    public static final String QUALIFICATION = "Q-SMALL";

    private final Map<String, QualificationDefinition> qualifications = new HashMap<>();
    private final Map<String, UnitDefinition> units = new HashMap<>();

    public SmallCatalogue() {
        add(unit("U-ONE", 1, outcome("LO1", "1.1", "1.2"), outcome("LO2", "2.1")));
        add(unit("U-TWO", 1, outcome("LO1", "1.1")));
        add(new QualificationDefinition(QUALIFICATION, 1, "A small qualification", 7, List.of("U-ONE", "U-TWO")));
    }

    public static UnitDefinition unit(String code, int version, LearningOutcomeDefinition... outcomes) {
        return new UnitDefinition(code, version, "Unit " + code, "", List.of(outcomes), List.of("Guidance"),
                List.of("Mistake"), List.of(), List.of());
    }

    public static LearningOutcomeDefinition outcome(String code, String... criteria) {
        return new LearningOutcomeDefinition(code, "Outcome " + code,
                java.util.Arrays.stream(criteria).map(c -> new CriterionDefinition(c, "Criterion " + c)).toList());
    }

    public SmallCatalogue add(UnitDefinition unit) {
        units.put(unit.code() + "@" + unit.version(), unit);
        return this;
    }

    public SmallCatalogue add(QualificationDefinition qualification) {
        qualifications.put(qualification.code(), qualification);
        return this;
    }

    @Override
    public Optional<QualificationDefinition> qualification(String code) {
        return Optional.ofNullable(qualifications.get(code));
    }

    @Override
    public Optional<UnitDefinition> unit(String code, int version) {
        return Optional.ofNullable(units.get(code + "@" + version));
    }

    @Override
    public OptionalInt latestVersion(String unitCode) {
        return units.values().stream().filter(u -> u.code().equals(unitCode)).mapToInt(UnitDefinition::version).max();
    }
}
