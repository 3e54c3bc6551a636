package io.qualtrack.localstack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the demo needs of content-service's catalogue: unit versions with their criteria, and qualifications. */
public record CatalogueSnapshot(List<Unit> units, List<Qualification> qualifications) {

    /** One version of a unit and its criterion codes, in the order the unit lists them. */
    record Unit(String code, int version, List<String> criterionCodes) {
        Unit {
            criterionCodes = List.copyOf(criterionCodes);
        }
    }

    record Qualification(String code, String title, List<String> unitCodes) {
        Qualification {
            unitCodes = List.copyOf(unitCodes);
        }
    }

    public CatalogueSnapshot {
        units = List.copyOf(units);
        qualifications = List.copyOf(qualifications);
    }

    Optional<Unit> unit(String code) {
        return units.stream().filter(unit -> unit.code().equals(code)).findFirst();
    }

    Map<String, Qualification> qualificationsByCode() {
        return qualifications.stream().collect(Collectors.toMap(Qualification::code, Function.identity()));
    }

    /** The units of a qualification that the catalogue has, in the qualification's order. */
    List<Unit> unitsOf(Qualification qualification) {
        return qualification.unitCodes().stream().map(this::unit).flatMap(Optional::stream).toList();
    }
}
