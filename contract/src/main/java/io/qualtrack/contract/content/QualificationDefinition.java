package io.qualtrack.contract.content;

import java.util.List;

/** A qualification and the codes of the units it is made of, in catalogue order. */
public record QualificationDefinition(String code, int version, String title, int level, List<String> unitCodes) {

    public QualificationDefinition {
        unitCodes = List.copyOf(unitCodes);
    }
}
