package io.qualtrack.content.importer;

/** The text given to {@link UnitPageParser} is not a unit revision page it can read. */
public class UnitPageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnitPageFormatException(String message) {
        super(message);
    }
}
