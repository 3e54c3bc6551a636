package io.qualtrack.contract.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * What content-service publishes. The topic is compacted by {@link #key()}, so a consumer reading
 * from the beginning sees the latest version of every unit and qualification.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UnitVersionPublished.class, name = "UnitVersionPublished"),
        @JsonSubTypes.Type(value = QualificationPublished.class, name = "QualificationPublished")
})
public sealed interface ContentEvent permits UnitVersionPublished, QualificationPublished {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();

    /** The partition and compaction key: {@code unit/<code>} or {@code qualification/<code>}. */
    @JsonIgnore
    String key();
}
