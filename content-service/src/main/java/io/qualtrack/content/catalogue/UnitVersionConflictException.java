package io.qualtrack.content.catalogue;

/** Someone else stored the same version of the unit first; the caller may retry against the new latest. */
public class UnitVersionConflictException extends RuntimeException {

    public UnitVersionConflictException(String code, int version) {
        super("version " + version + " of unit " + code + " was created concurrently; try again");
    }
}
