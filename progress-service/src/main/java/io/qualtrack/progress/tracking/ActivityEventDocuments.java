package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An activity event as a MongoDB document with a field per record component (dates as dates, lists as arrays), so
 * every field can be queried and indexed. {@code enrolment} and {@code criteria} are the keys the store looks events
 * up by: the enrolment's id, and each criterion's id within it.
 */
final class ActivityEventDocuments {

    private ActivityEventDocuments() {
    }

    static Document toDocument(LearnerActivityEvent event) {
        EnrolmentId enrolment = EnrolmentId.of(event);
        Document doc = new Document("_id", event.eventId().toString())
                .append("type", event.getClass().getSimpleName())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("schemaVersion", event.schemaVersion())
                .append("centreId", event.centreId())
                .append("learnerId", event.learnerId())
                .append("qualificationCode", event.qualificationCode())
                .append("enrolment", enrolment.value())
                .append("criteria", CriterionKey.of(event).stream().map(key -> criterionId(enrolment, key)).toList());
        switch (event) {
            case LearnerEnrolled e -> doc.append("cohortId", e.cohortId()).append("startDate", e.startDate().toString())
                    .append("plannedEndDate", e.plannedEndDate().toString());
            case EvidenceSubmitted e -> doc.append("unitCode", e.unitCode()).append("unitVersion", e.unitVersion())
                    .append("evidenceRef", e.evidenceRef()).append("criterionCodes", e.criterionCodes());
            case CriterionAssessed a -> doc.append("unitCode", a.unitCode()).append("unitVersion", a.unitVersion())
                    .append("criterionCode", a.criterionCode()).append("outcome", a.outcome().name())
                    .append("assessorId", a.assessorId()).append("evidenceRef", a.evidenceRef());
            case CriterionVerified v -> doc.append("unitCode", v.unitCode()).append("unitVersion", v.unitVersion())
                    .append("criterionCode", v.criterionCode()).append("verifierId", v.verifierId());
            case LearnerWithdrawn w -> doc.append("reason", w.reason());
        }
        return doc;
    }

    static LearnerActivityEvent fromDocument(Document doc) {
        UUID eventId = UUID.fromString(doc.getString("_id"));
        Instant at = doc.getDate("occurredAt").toInstant();
        int schema = doc.getInteger("schemaVersion");
        String learner = doc.getString("learnerId");
        String centre = doc.getString("centreId");
        String qualification = doc.getString("qualificationCode");
        return switch (doc.getString("type")) {
            case "LearnerEnrolled" -> new LearnerEnrolled(eventId, at, schema, learner, centre, qualification,
                    doc.getString("cohortId"), LocalDate.parse(doc.getString("startDate")), LocalDate.parse(doc.getString("plannedEndDate")));
            case "EvidenceSubmitted" -> new EvidenceSubmitted(eventId, at, schema, learner, centre, qualification,
                    doc.getString("unitCode"), doc.getInteger("unitVersion"), doc.getString("evidenceRef"),
                    doc.getList("criterionCodes", String.class));
            case "CriterionAssessed" -> new CriterionAssessed(eventId, at, schema, learner, centre, qualification,
                    doc.getString("unitCode"), doc.getInteger("unitVersion"), doc.getString("criterionCode"),
                    AssessmentOutcome.valueOf(doc.getString("outcome")), doc.getString("assessorId"), doc.getString("evidenceRef"));
            case "CriterionVerified" -> new CriterionVerified(eventId, at, schema, learner, centre, qualification,
                    doc.getString("unitCode"), doc.getInteger("unitVersion"), doc.getString("criterionCode"), doc.getString("verifierId"));
            case "LearnerWithdrawn" -> new LearnerWithdrawn(eventId, at, schema, learner, centre, qualification, doc.getString("reason"));
            default -> throw new IllegalStateException("stored event " + eventId + " has an unknown type " + doc.getString("type"));
        };
    }

    /** A criterion of one enrolment, as the {@code criteria} field holds it. */
    static String criterionId(EnrolmentId enrolment, CriterionKey key) {
        return Identifiers.key(enrolment.value(), key.unitCode(), key.criterionCode());
    }

    /** The event as stored: MongoDB keeps times to the millisecond, so the event is taken at that precision throughout. */
    static LearnerActivityEvent toMillis(LearnerActivityEvent event) {
        Instant at = event.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (at.equals(event.occurredAt())) {
            return event;
        }
        return fromDocument(toDocument(event).append("occurredAt", Date.from(at)));
    }

    static List<String> ids(List<LearnerActivityEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).toList();
    }
}
