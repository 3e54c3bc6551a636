package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.CriterionProgress.Decision;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One criterion's life for one learner, fed its own events in occurrence order: evidence first, then "met" by an
 * assessor, then verified by IQA. "Not yet met" takes a met or verified criterion back to evidence submitted. An event
 * that does not fit the state it meets (a verification before any "met") changes nothing. {@code last} is the latest
 * event folded in: an event behind it arrived late, and the criterion is replayed from its own events. Of the evidence it
 * keeps the count and the latest {@link CriterionProgress#EVIDENCE_SHOWN} distinct references, so it stays the same size
 * however many submissions a long programme brings; the rest stay in the stored events. {@code events} counts the
 * distinct events folded in, which says where their ids are listed ({@link CriterionHistory}); {@link #UNCOUNTED} in a
 * record stored before they were counted.
 */
public record CriterionRecord(CriterionStatus status, List<String> evidenceRefs, int evidenceCount,
                              @Nullable Instant firstEvidenceAt, @Nullable Decision assessment,
                              @Nullable Decision verification, Occurrence last, int events) {

    public static final int UNCOUNTED = -1;

    public CriterionRecord {
        evidenceRefs = List.copyOf(evidenceRefs);
    }

    /** The criterion from all of its events, in any order and with duplicates. */
    public static CriterionRecord replay(Collection<? extends LearnerActivityEvent> events) {
        Map<UUID, LearnerActivityEvent> distinct = events.stream()
                .collect(Collectors.toMap(LearnerActivityEvent::eventId, Function.identity(), (a, b) -> a));
        List<LearnerActivityEvent> ordered = distinct.values().stream().sorted(Comparator.comparing(Occurrence::of)).toList();
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a criterion is replayed from at least one event");
        }
        CriterionRecord record = null;
        for (LearnerActivityEvent event : ordered) {
            record = after(record, event);
        }
        return record;
    }

    /** This criterion with {@code event}, which occurred after every event folded in so far, folded in. */
    public CriterionRecord then(LearnerActivityEvent event) {
        return after(this, event);
    }

    private static CriterionRecord after(@Nullable CriterionRecord before, LearnerActivityEvent event) {
        CriterionStatus status = before == null ? CriterionStatus.NOT_STARTED : before.status;
        List<String> refs = before == null ? List.of() : before.evidenceRefs;
        int evidenceCount = before == null ? 0 : before.evidenceCount;
        int events = before == null ? 1 : before.events == UNCOUNTED ? UNCOUNTED : before.events + 1;
        var firstEvidenceAt = before == null ? null : before.firstEvidenceAt;
        Decision assessment = before == null ? null : before.assessment;
        Decision verification = before == null ? null : before.verification;
        switch (event) {
            case EvidenceSubmitted evidence -> {
                if (!refs.contains(evidence.evidenceRef())) {
                    refs = new ArrayList<>(refs);
                    refs.add(evidence.evidenceRef());
                    while (refs.size() > CriterionProgress.EVIDENCE_SHOWN) {
                        refs.removeFirst();
                    }
                }
                evidenceCount++;
                firstEvidenceAt = firstEvidenceAt == null ? evidence.occurredAt() : firstEvidenceAt;
                status = status == CriterionStatus.NOT_STARTED ? CriterionStatus.EVIDENCE_SUBMITTED : status;
            }
            case CriterionAssessed assessed -> {
                if (status != CriterionStatus.NOT_STARTED) {
                    assessment = new Decision(assessed.outcome().name(), assessed.assessorId(), assessed.occurredAt());
                    if (assessed.outcome() == AssessmentOutcome.MET) {
                        status = status == CriterionStatus.EVIDENCE_SUBMITTED ? CriterionStatus.MET : status;
                    } else {
                        status = CriterionStatus.EVIDENCE_SUBMITTED;
                        verification = null;
                    }
                }
            }
            case CriterionVerified verified -> {
                if (status == CriterionStatus.MET) {
                    status = CriterionStatus.VERIFIED;
                    verification = new Decision("VERIFIED", verified.verifierId(), verified.occurredAt());
                }
            }
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not about a criterion");
        }
        return new CriterionRecord(status, refs, evidenceCount, firstEvidenceAt, assessment, verification, Occurrence.of(event), events);
    }

    /** Whether {@code events} is known: every record folded since the count was kept. */
    public boolean counted() {
        return events != UNCOUNTED;
    }

    static CriterionProgress notStarted(String code, String text) {
        return new CriterionProgress(code, text, CriterionStatus.NOT_STARTED, List.of(), 0, null, null, null);
    }

    CriterionProgress toProgress(String code, String text) {
        return new CriterionProgress(code, text, status, evidenceRefs, evidenceCount, firstEvidenceAt, assessment, verification);
    }
}
