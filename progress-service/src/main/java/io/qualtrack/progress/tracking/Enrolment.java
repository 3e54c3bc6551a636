package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.tracking.EnrolmentState.Terms;
import io.qualtrack.replica.CatalogueView;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A learner on a qualification at a centre, as the write side keeps it: admits activity and applies it, in work
 * bounded by what the activity touches. An event in occurrence order after everything its criterion has seen is
 * folded in; one that arrived late (behind its criterion's latest) is applied by replaying that criterion alone from
 * its own events. Applying an event twice changes nothing, so the result depends only on the set of events applied.
 */
public final class Enrolment {

    private final EnrolmentState stored;
    private final long revision;
    private @Nullable Terms terms;
    private @Nullable Instant enrolledAt;
    private @Nullable Occurrence withdrawal;
    private @Nullable Instant lastActivityAt;
    private final Map<String, Integer> unitVersions;
    private final Map<CriterionKey, CriterionRecord> criteria;
    private boolean enrolmentAdmitted;
    private final List<CriterionHistory.Listing> listings = new ArrayList<>();

    public Enrolment(EnrolmentState stored, long revision) {
        this.stored = stored;
        this.revision = revision;
        this.terms = stored.terms();
        this.enrolledAt = stored.enrolledAt();
        this.withdrawal = stored.withdrawal();
        this.lastActivityAt = stored.lastActivityAt();
        this.unitVersions = new HashMap<>(stored.unitVersions());
        this.criteria = new HashMap<>(stored.criteria());
    }

    public static Enrolment absent(EnrolmentId id) {
        return new Enrolment(EnrolmentState.empty(id), 0);
    }

    /** An enrolment from all of its events, in any order and with duplicates: what every sequence of applies must equal. */
    public static EnrolmentState replay(EnrolmentId id, Collection<? extends LearnerActivityEvent> events) {
        Enrolment enrolment = absent(id);
        Map<CriterionKey, List<LearnerActivityEvent>> byCriterion = new HashMap<>();
        for (LearnerActivityEvent event : events) {
            enrolment.record(event);
            CriterionKey.of(event).forEach(key -> byCriterion.computeIfAbsent(key, k -> new ArrayList<>()).add(event));
        }
        byCriterion.forEach((key, history) -> enrolment.criteria.put(key, CriterionRecord.replay(history)));
        return enrolment.state();
    }

    public EnrolmentId id() {
        return stored.id();
    }

    /** The revision stored now; 0 while nothing is stored. */
    public long revision() {
        return revision;
    }

    /** Whether an enrolment event has been applied, so activity on it can be. */
    public boolean enrolled() {
        return terms != null;
    }

    /** Whether the event can be applied now; once an enrolment event is admitted, the activity after it can be too. */
    public Admission admit(LearnerActivityEvent event, CatalogueView catalogue) {
        Admission admission = ActivityAdmission.admit(event, enrolled() || enrolmentAdmitted, catalogue);
        enrolmentAdmitted |= event instanceof LearnerEnrolled && admission instanceof Admission.Accept;
        return admission;
    }

    /**
     * The criteria these events reach behind the latest event each has seen: to apply them, the caller reads those
     * criteria's own events ({@link #apply}'s {@code histories}).
     */
    public Set<CriterionKey> reachedLate(Collection<? extends LearnerActivityEvent> events) {
        Set<CriterionKey> late = new LinkedHashSet<>();
        for (LearnerActivityEvent event : events) {
            for (CriterionKey key : CriterionKey.of(event)) {
                CriterionRecord record = criteria.get(key);
                if (record != null && record.last().isAfter(Occurrence.of(event))) {
                    late.add(key);
                }
            }
        }
        return late;
    }

    /**
     * Applies admitted events.
     *
     * @param histories for each criterion {@link #reachedLate} named, its events as stored (these events among them
     *                  or not): the criterion is replayed from them and these
     */
    public void apply(Collection<? extends LearnerActivityEvent> events, Map<CriterionKey, List<LearnerActivityEvent>> histories) {
        Map<CriterionKey, List<LearnerActivityEvent>> replayed = new HashMap<>();
        Map<CriterionKey, List<UUID>> lateIds = new HashMap<>();
        histories.forEach((key, history) -> replayed.put(key, new ArrayList<>(history)));
        List<? extends LearnerActivityEvent> ordered = events.stream().sorted(Comparator.comparing(Occurrence::of)).toList();
        for (LearnerActivityEvent event : ordered) {
            record(event);
            for (CriterionKey key : CriterionKey.of(event)) {
                List<LearnerActivityEvent> history = replayed.get(key);
                if (history != null) {
                    history.add(event);
                    lateIds.computeIfAbsent(key, k -> new ArrayList<>()).add(event.eventId());
                    continue;
                }
                CriterionRecord record = criteria.get(key);
                if (record == null) {
                    fold(key, CriterionRecord.replay(List.of(event)), event);
                } else if (Occurrence.of(event).isAfter(record.last())) {
                    fold(key, record.then(event), event);
                } else if (!Occurrence.of(event).equals(record.last())) {
                    throw new IllegalStateException("criterion " + key + " reached late without its history: " + event.eventId());
                }
            }
        }
        replayed.forEach((key, history) -> {
            CriterionRecord before = criteria.get(key);
            CriterionRecord after = CriterionRecord.replay(history);
            criteria.put(key, after);
            if (before == null || !before.counted()) {
                // its history listed for the first time: every event of it
                CriterionHistory.ofAll(history).stream().filter(l -> l.key().equals(key)).forEach(listings::add);
            } else {
                // the events reached late take the ordinals after those counted before; one already folded (a
                // redelivery) takes none beyond the new count
                List<UUID> late = lateIds.getOrDefault(key, List.of()).stream().distinct().toList();
                for (int i = 0; i < late.size() && before.events() + i < after.events(); i++) {
                    listings.add(new CriterionHistory.Listing(key, before.events() + i + 1, late.get(i)));
                }
            }
        });
    }

    private void fold(CriterionKey key, CriterionRecord after, LearnerActivityEvent event) {
        criteria.put(key, after);
        if (after.counted()) {
            listings.add(new CriterionHistory.Listing(key, after.events(), event.eventId()));
        }
    }

    /**
     * Where the events applied are to be listed in their criteria's histories ({@link CriterionHistory}): written before
     * the state, so that the events a stored state has counted are listed. Listing one again changes nothing.
     */
    public List<CriterionHistory.Listing> listings() {
        return List.copyOf(listings);
    }

    /** The enrolment-wide facts: each an earliest, a latest or a highest, so applying an event again changes nothing. */
    private void record(LearnerActivityEvent event) {
        Occurrence occurrence = Occurrence.of(event);
        lastActivityAt = lastActivityAt == null || event.occurredAt().isAfter(lastActivityAt) ? event.occurredAt() : lastActivityAt;
        switch (event) {
            case LearnerEnrolled enrolled -> {
                if (terms == null || occurrence.isAfter(terms.enrolment())) {
                    terms = new Terms(occurrence, enrolled.cohortId(), enrolled.startDate(), enrolled.plannedEndDate());
                }
                enrolledAt = enrolledAt == null || enrolled.occurredAt().isBefore(enrolledAt) ? enrolled.occurredAt() : enrolledAt;
            }
            case LearnerWithdrawn withdrawn -> withdrawal = withdrawal == null || occurrence.isAfter(withdrawal) ? occurrence : withdrawal;
            case EvidenceSubmitted e -> unitVersions.merge(e.unitCode(), e.unitVersion(), Math::max);
            case CriterionAssessed a -> unitVersions.merge(a.unitCode(), a.unitVersion(), Math::max);
            case CriterionVerified v -> unitVersions.merge(v.unitCode(), v.unitVersion(), Math::max);
        }
    }

    /** The state as loaded, before anything was applied. */
    public EnrolmentState stored() {
        return stored;
    }

    public EnrolmentState state() {
        return new EnrolmentState(stored.id(), terms, enrolledAt, withdrawal, lastActivityAt, unitVersions, criteria);
    }

    /** Whether anything applied changed the enrolment from what is stored. */
    public boolean changed() {
        return !state().equals(stored);
    }
}
