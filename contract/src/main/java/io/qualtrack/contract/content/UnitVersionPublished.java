package io.qualtrack.contract.content;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A version of a unit was stored in the catalogue. Versions of one unit only ever increase. */
public record UnitVersionPublished(UUID eventId, Instant occurredAt, int schemaVersion, UnitDefinition unit)
        implements ContentEvent {

    public UnitVersionPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(unit, "unit");
    }

    /** One key per version, so compaction keeps every version a stored activity may refer to. */
    public static String keyOf(String unitCode, int version) {
        return "unit/" + unitCode + "@" + version;
    }

    @Override
    public String key() {
        return keyOf(unit.code(), unit.version());
    }
}
