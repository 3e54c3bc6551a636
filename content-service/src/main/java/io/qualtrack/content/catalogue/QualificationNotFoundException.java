package io.qualtrack.content.catalogue;

public class QualificationNotFoundException extends RuntimeException {

    public QualificationNotFoundException(String code) {
        super("no qualification with code " + code);
    }
}
