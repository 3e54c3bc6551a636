package io.qualtrack.content.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A whole catalogue: units and the qualifications built from them. */
public record Catalogue(List<Unit> units, List<Qualification> qualifications) {

    public Catalogue {
        units = List.copyOf(units);
        qualifications = List.copyOf(qualifications);
    }

    public int learningOutcomeCount() {
        return units.stream().mapToInt(u -> u.learningOutcomes().size()).sum();
    }

    /** Unit and qualification codes unique, every qualification made of known units, every unit in one. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> unitCodes = new HashSet<>();
        units.stream().map(Unit::code).filter(code -> !unitCodes.add(code))
                .forEach(code -> problems.add("unit " + code + " appears twice"));
        Set<String> qualificationCodes = new HashSet<>();
        Set<String> unitsInQualifications = new HashSet<>();
        for (Qualification qualification : qualifications) {
            if (!qualificationCodes.add(qualification.code())) {
                problems.add("qualification " + qualification.code() + " appears twice");
            }
            if (unitCodes.contains(qualification.code())) {
                problems.add(qualification.code() + " is both a unit and a qualification code");
            }
            for (String unitCode : qualification.unitCodes()) {
                unitsInQualifications.add(unitCode);
                if (!unitCodes.contains(unitCode)) {
                    problems.add("qualification " + qualification.code() + " names unknown unit " + unitCode);
                }
            }
        }
        unitCodes.stream().filter(code -> !unitsInQualifications.contains(code)).sorted()
                .forEach(code -> problems.add("unit " + code + " belongs to no qualification"));
        return problems;
    }
}
