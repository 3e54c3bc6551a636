package io.qualtrack.spike.streams;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.values.Identifiers;
import org.bson.Document;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The small state of one enrolment that both engines keep: the ids of the events applied (dedup), and per criterion
 * its status with the few steps (evidence, met / not met, verified) that made it. A step that arrives late is put in
 * occurrence order and the criterion is replayed from its own steps (a handful), so the status follows
 * progress-service's rules whatever order the events arrive in, without reading the enrolment's events back.
 * Serialised as JSON (RocksDB, Kafka) and as BSON (MongoDB). Times are epoch nanoseconds.
 */
final class Enrolment {

    static final String NOT_STARTED = "NOT_STARTED";
    static final String EVIDENCE_SUBMITTED = "EVIDENCE_SUBMITTED";
    static final String MET = "MET";
    static final String VERIFIED = "VERIFIED";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = JSON.writerFor(Enrolment.class);
    private static final ObjectReader READER = JSON.readerFor(Enrolment.class);

    /**
     * One event's effect on a criterion or on the enrolment's life: at = occurred at, i = the event's index in
     * {@link #eventIds}, k = E, M, N (not met), V, ENR, WD; r = its reference (evidence, assessor, verifier, cohort).
     */
    record Step(long at, int i, String k, String r) {
    }

    /** The occurrence order of progress-service: occurred at, then event id (as a UUID). */
    private Comparator<Step> order() {
        return Comparator.comparingLong(Step::at).thenComparing(s -> UUID.fromString(eventIds.get(s.i())));
    }

    public static final class Criterion {
        public String u;
        public String c;
        public String s = NOT_STARTED;
        public List<Step> steps = new ArrayList<>();

        /** CriterionState's rules, replayed over the criterion's steps in occurrence order. */
        void add(Step step, Comparator<Step> order) {
            steps.add(step);
            steps.sort(order);
            String status = NOT_STARTED;
            for (Step x : steps) {
                status = switch (x.k()) {
                    case "E" -> status.equals(NOT_STARTED) ? EVIDENCE_SUBMITTED : status;
                    case "M" -> status.equals(EVIDENCE_SUBMITTED) ? MET : status;
                    case "N" -> status.equals(NOT_STARTED) ? status : EVIDENCE_SUBMITTED;
                    case "V" -> status.equals(MET) ? VERIFIED : status;
                    default -> throw new IllegalStateException("unknown step " + x.k());
                };
            }
            s = status;
        }
    }

    public String id;
    public String centreId;
    public String learnerId;
    public String qualificationCode;
    public String cohortId;
    /** Distinct events applied: a writer replaces the stored document only if it still has the revision it read. */
    public long revision;
    public String status;
    public Long enrolledAt;
    public Long withdrawnAt;
    public Long lastActivityAt;
    public List<String> eventIds = new ArrayList<>();
    public List<Step> life = new ArrayList<>();
    public List<Criterion> criteria = new ArrayList<>();

    static String keyOf(LearnerActivityEvent event) {
        return Identifiers.key(event.centreId(), event.learnerId(), event.qualificationCode());
    }

    static Enrolment start(LearnerActivityEvent event) {
        Enrolment e = new Enrolment();
        e.id = keyOf(event);
        e.centreId = event.centreId();
        e.learnerId = event.learnerId();
        e.qualificationCode = event.qualificationCode();
        return e;
    }

    /** Folds one event in; false (and nothing changed) when its id was applied before. */
    boolean apply(LearnerActivityEvent event) {
        String id = event.eventId().toString();
        if (eventIds.contains(id)) {
            return false;
        }
        eventIds.add(id);
        int eventId = eventIds.size() - 1;
        revision++;
        long at = nanos(event.occurredAt());
        lastActivityAt = lastActivityAt == null ? at : Math.max(lastActivityAt, at);
        switch (event) {
            case LearnerEnrolled enrolled -> lifeStep(new Step(at, eventId, "ENR", enrolled.cohortId()));
            case LearnerWithdrawn withdrawn -> lifeStep(new Step(at, eventId, "WD", null));
            case EvidenceSubmitted evidence -> evidence.criterionCodes().forEach(code ->
                    criterion(evidence.unitCode(), code).add(new Step(at, eventId, "E", evidence.evidenceRef()), order()));
            case CriterionAssessed assessed -> criterion(assessed.unitCode(), assessed.criterionCode()).add(
                    new Step(at, eventId, assessed.outcome() == AssessmentOutcome.MET ? "M" : "N", assessed.assessorId()), order());
            case CriterionVerified verified -> criterion(verified.unitCode(), verified.criterionCode())
                    .add(new Step(at, eventId, "V", verified.verifierId()), order());
        }
        return true;
    }

    /** ProgressRules' enrolled / withdrawn handling, replayed over the life steps in occurrence order. */
    private void lifeStep(Step step) {
        life.add(step);
        life.sort(order());
        enrolledAt = null;
        withdrawnAt = null;
        for (Step x : life) {
            if (x.k().equals("ENR")) {
                cohortId = x.r();
                enrolledAt = enrolledAt == null ? x.at() : enrolledAt;
                withdrawnAt = null;
            } else {
                withdrawnAt = x.at();
            }
        }
        status = enrolledAt == null ? null : withdrawnAt == null ? "ACTIVE" : "WITHDRAWN";
    }

    private Criterion criterion(String unit, String code) {
        for (Criterion c : criteria) {
            if (c.c.equals(code) && c.u.equals(unit)) {
                return c;
            }
        }
        Criterion c = new Criterion();
        c.u = unit;
        c.c = code;
        criteria.add(c);
        return c;
    }

    static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    // --- JSON (RocksDB values, Kafka records) --------------------------------------------------------------------

    byte[] toJson() {
        return WRITER.writeValueAsBytes(this);
    }

    static Enrolment fromJson(byte[] json) {
        return READER.readValue(json);
    }

    // --- BSON (MongoDB documents) -----------------------------------------------------------------------------------

    Document toDocument() {
        List<Document> criteriaDocs = new ArrayList<>(criteria.size());
        for (Criterion c : criteria) {
            criteriaDocs.add(new Document("u", c.u).append("c", c.c).append("s", c.s).append("steps", steps(c.steps)));
        }
        return new Document("_id", id).append("centreId", centreId).append("learnerId", learnerId)
                .append("qualificationCode", qualificationCode).append("cohortId", cohortId).append("revision", revision)
                .append("status", status).append("enrolledAt", enrolledAt).append("withdrawnAt", withdrawnAt)
                .append("lastActivityAt", lastActivityAt).append("eventIds", new ArrayList<>(eventIds))
                .append("life", steps(life)).append("criteria", criteriaDocs);
    }

    static Enrolment fromDocument(Document d) {
        Enrolment e = new Enrolment();
        e.id = d.getString("_id");
        e.centreId = d.getString("centreId");
        e.learnerId = d.getString("learnerId");
        e.qualificationCode = d.getString("qualificationCode");
        e.cohortId = d.getString("cohortId");
        e.revision = d.get("revision", Number.class).longValue();
        e.status = d.getString("status");
        e.enrolledAt = longOrNull(d, "enrolledAt");
        e.withdrawnAt = longOrNull(d, "withdrawnAt");
        e.lastActivityAt = longOrNull(d, "lastActivityAt");
        e.eventIds = new ArrayList<>(d.getList("eventIds", String.class));
        e.life = stepsOf(d.getList("life", Document.class));
        for (Document c : d.getList("criteria", Document.class)) {
            Criterion criterion = new Criterion();
            criterion.u = c.getString("u");
            criterion.c = c.getString("c");
            criterion.s = c.getString("s");
            criterion.steps = stepsOf(c.getList("steps", Document.class));
            e.criteria.add(criterion);
        }
        return e;
    }

    private static List<Document> steps(List<Step> steps) {
        List<Document> docs = new ArrayList<>(steps.size());
        for (Step s : steps) {
            docs.add(new Document("at", s.at()).append("i", s.i()).append("k", s.k()).append("r", s.r()));
        }
        return docs;
    }

    private static List<Step> stepsOf(List<Document> docs) {
        List<Step> steps = new ArrayList<>(docs.size());
        for (Document s : docs) {
            steps.add(new Step(s.get("at", Number.class).longValue(), s.getInteger("i"), s.getString("k"), s.getString("r")));
        }
        return steps;
    }

    private static Long longOrNull(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? null : n.longValue();
    }
}
