package io.qualtrack.content.catalogue;

public class UnitNotFoundException extends RuntimeException {

    public UnitNotFoundException(String code) {
        super("no unit with code " + code);
    }

    public UnitNotFoundException(String code, int version) {
        super("unit " + code + " has no version " + version);
    }
}
