package io.qualtrack.contract.content;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A qualification and the units it is made of was stored in the catalogue. */
public record QualificationPublished(UUID eventId, Instant occurredAt, int schemaVersion,
                                     QualificationDefinition qualification) implements ContentEvent {

    public QualificationPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(qualification, "qualification");
    }

    public static String keyOf(String qualificationCode) {
        return "qualification/" + qualificationCode;
    }

    @Override
    public String key() {
        return keyOf(qualification.code());
    }
}
