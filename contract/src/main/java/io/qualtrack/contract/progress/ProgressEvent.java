package io.qualtrack.contract.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/** What progress-service tells the read side. Keyed by learner. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = EnrolmentProgressChanged.class, name = "EnrolmentProgressChanged"))
public sealed interface ProgressEvent permits EnrolmentProgressChanged {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();

    String learnerId();

    @JsonIgnore
    default String key() {
        return learnerId();
    }
}
