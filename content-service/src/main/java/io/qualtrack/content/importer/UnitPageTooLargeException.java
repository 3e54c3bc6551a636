package io.qualtrack.content.importer;

/** The page is more than the importer reads: see {@link UnitPageParser#MAX_BYTES} and {@link UnitPageParser#MAX_BULLETS}. */
public class UnitPageTooLargeException extends UnitPageFormatException {

    private static final long serialVersionUID = 1L;

    /** Which limit the page is over. */
    public enum Limit { BYTES, BULLETS }

    private final Limit limit;

    UnitPageTooLargeException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
