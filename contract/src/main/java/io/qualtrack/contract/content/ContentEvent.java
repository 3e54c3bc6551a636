package io.qualtrack.contract.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * What content-service publishes. The topic is compacted by {@link #key()}, so a consumer reading
 * from the beginning sees every version of every unit and the latest of every qualification.
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

    /** The partition and compaction key: {@code unit/<code>@<version>} or {@code qualification/<code>}. */
    @JsonIgnore
    String key();
}
