package io.qualtrack.progress.tracking;

import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.CriterionProgress.Decision;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enrolment's state as a MongoDB document: a field per fact, and under {@code criteria} one sub-document per
 * criterion touched, named by {@link #fieldName}, so a change to one criterion is written by its own path.
 */
final class EnrolmentStateDocuments {

    private EnrolmentStateDocuments() {
    }

    static Document toDocument(EnrolmentState state, long revision, Instant updatedAt) {
        return enrolmentFields(state, revision, updatedAt).append("criteria", criteria(state.criteria()));
    }

    /** Every field but the criteria. */
    private static Document enrolmentFields(EnrolmentState state, long revision, Instant updatedAt) {
        EnrolmentId id = state.id();
        EnrolmentState.Terms terms = state.terms();
        return new Document("_id", id.value())
                .append("centreId", id.centreId())
                .append("learnerId", id.learnerId())
                .append("qualificationCode", id.qualificationCode())
                .append("revision", revision)
                .append("updatedAt", Date.from(updatedAt))
                .append("terms", terms == null ? null : new Document("enrolment", occurrence(terms.enrolment()))
                        .append("cohortId", terms.cohortId())
                        .append("startDate", terms.startDate().toString())
                        .append("plannedEndDate", terms.plannedEndDate().toString()))
                .append("enrolledAt", date(state.enrolledAt()))
                .append("withdrawal", state.withdrawal() == null ? null : occurrence(state.withdrawal()))
                .append("lastActivityAt", date(state.lastActivityAt()))
                .append("unitVersions", state.unitVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Document("unitCode", e.getKey()).append("version", e.getValue())).toList());
    }

    /**
     * What changed from {@code before} to {@code after} as one update: the enrolment's own fields that changed and
     * each criterion that changed, by its own path, so the write carries what the events touched and no more.
     */
    static Document changes(EnrolmentState before, EnrolmentState after, long revision, Instant updatedAt) {
        // the criteria are compared as records below, so neither side is written out whole
        Document full = enrolmentFields(after, revision, updatedAt);
        Document old = enrolmentFields(before, revision, updatedAt);
        Document set = new Document("revision", revision).append("updatedAt", Date.from(updatedAt));
        full.forEach((field, value) -> {
            if (!field.equals("_id") && !java.util.Objects.equals(value, old.get(field))) {
                set.append(field, value);
            }
        });
        after.criteria().forEach((key, record) -> {
            if (!record.equals(before.criteria().get(key))) {
                set.append("criteria." + fieldName(key), criterion(key, record));
            }
        });
        return new Document("$set", set);
    }

    private static Document criteria(Map<CriterionKey, CriterionRecord> criteria) {
        Document doc = new Document();
        criteria.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(CriterionKey::unitCode).thenComparing(CriterionKey::criterionCode)))
                .forEach(e -> doc.append(fieldName(e.getKey()), criterion(e.getKey(), e.getValue())));
        return doc;
    }

    /**
     * A criterion's field name under {@code criteria}: unit and criterion code with the characters a field path gives
     * meaning to ({@code .}, {@code $}) and the separator escaped as in a URL, so two criteria never share a name.
     */
    static String fieldName(CriterionKey key) {
        return escape(key.unitCode()) + "/" + escape(key.criterionCode());
    }

    private static String escape(String code) {
        return code.replace("%", "%25").replace(".", "%2E").replace("$", "%24").replace("/", "%2F");
    }

    static EnrolmentState fromDocument(Document doc) {
        Document terms = doc.get("terms", Document.class);
        Map<String, Integer> unitVersions = new HashMap<>();
        doc.getList("unitVersions", Document.class).forEach(u -> unitVersions.put(u.getString("unitCode"), u.getInteger("version")));
        Map<CriterionKey, CriterionRecord> criteria = new HashMap<>();
        doc.get("criteria", Document.class).values().forEach(value -> {
            Document c = (Document) value;
            criteria.put(new CriterionKey(c.getString("unitCode"), c.getString("criterionCode")), criterion(c));
        });
        return new EnrolmentState(idOf(doc),
                terms == null ? null : new EnrolmentState.Terms(occurrence(terms.get("enrolment", Document.class)),
                        terms.getString("cohortId"), LocalDate.parse(terms.getString("startDate")),
                        LocalDate.parse(terms.getString("plannedEndDate"))),
                instant(doc.getDate("enrolledAt")), occurrence(doc.get("withdrawal", Document.class)),
                instant(doc.getDate("lastActivityAt")), unitVersions, criteria);
    }

    static EnrolmentId idOf(Document doc) {
        return new EnrolmentId(doc.getString("centreId"), doc.getString("learnerId"), doc.getString("qualificationCode"));
    }

    private static Document criterion(CriterionKey key, CriterionRecord record) {
        return new Document("unitCode", key.unitCode())
                .append("criterionCode", key.criterionCode())
                .append("status", record.status().name())
                .append("evidenceRefs", record.evidenceRefs())
                .append("evidenceCount", record.evidenceCount())
                .append("firstEvidenceAt", date(record.firstEvidenceAt()))
                .append("assessment", decision(record.assessment()))
                .append("verification", decision(record.verification()))
                .append("last", occurrence(record.last()))
                .append("events", record.events());
    }

    private static CriterionRecord criterion(Document doc) {
        List<String> refs = doc.getList("evidenceRefs", String.class);
        // a state stored before the count was kept held every reference
        int evidenceCount = doc.getInteger("evidenceCount", refs.size());
        return new CriterionRecord(CriterionStatus.valueOf(doc.getString("status")), refs, evidenceCount,
                instant(doc.getDate("firstEvidenceAt")), decision(doc.get("assessment", Document.class)),
                decision(doc.get("verification", Document.class)), occurrence(doc.get("last", Document.class)),
                doc.getInteger("events", CriterionRecord.UNCOUNTED));
    }

    private static @Nullable Document decision(@Nullable Decision decision) {
        return decision == null ? null
                : new Document("outcome", decision.outcome()).append("by", decision.by()).append("at", Date.from(decision.at()));
    }

    private static @Nullable Decision decision(@Nullable Document doc) {
        return doc == null ? null : new Decision(doc.getString("outcome"), doc.getString("by"), doc.getDate("at").toInstant());
    }

    private static Document occurrence(Occurrence occurrence) {
        return new Document("at", Date.from(occurrence.at())).append("eventId", occurrence.eventId().toString());
    }

    private static @Nullable Occurrence occurrence(@Nullable Document doc) {
        return doc == null ? null : new Occurrence(doc.getDate("at").toInstant(), UUID.fromString(doc.getString("eventId")));
    }

    private static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
