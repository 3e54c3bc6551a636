package io.qualtrack.content.catalogue;

import java.util.List;

/** A qualification and the codes of its units, in catalogue order. */
public record Qualification(String code, int version, String title, int level, List<String> unitCodes) {

    public Qualification {
        unitCodes = List.copyOf(unitCodes);
    }
}
