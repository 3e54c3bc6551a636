package io.qualtrack.contract.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a learner, an assessor or internal quality assurance did on one enrolment, which is
 * identified by learner and qualification. Keyed by learner so one learner's activity stays in order
 * on one partition; consumers still tolerate duplicates and late arrivals.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LearnerEnrolled.class, name = "LearnerEnrolled"),
        @JsonSubTypes.Type(value = EvidenceSubmitted.class, name = "EvidenceSubmitted"),
        @JsonSubTypes.Type(value = CriterionAssessed.class, name = "CriterionAssessed"),
        @JsonSubTypes.Type(value = CriterionVerified.class, name = "CriterionVerified"),
        @JsonSubTypes.Type(value = LearnerWithdrawn.class, name = "LearnerWithdrawn")
})
public sealed interface LearnerActivityEvent
        permits LearnerEnrolled, EvidenceSubmitted, CriterionAssessed, CriterionVerified, LearnerWithdrawn {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();

    String learnerId();

    String centreId();

    String qualificationCode();

    /** The partition key. */
    @JsonIgnore
    default String key() {
        return learnerId();
    }
}
