package io.qualtrack.content.catalogue;

import java.util.List;

/** An author's unit draft broke {@link UnitDraftRules}; nothing was stored. */
public class InvalidUnitException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidUnitException(List<Violation> violations) {
        super("the unit is not valid: " + violations.size() + " problem(s)");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
