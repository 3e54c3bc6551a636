package io.qualtrack.spike.streams;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * What each enrolment must end as, computed the way progress-service's ProgressRules does it (a transcription of
 * its replay and of CriterionState's transitions): every distinct event of the enrolment, sorted in occurrence
 * order, replayed from scratch. The engines fold incrementally in arrival order; this is what they are checked against.
 */
final class Reference {

    private static final Comparator<LearnerActivityEvent> OCCURRENCE_ORDER =
            Comparator.comparing(LearnerActivityEvent::occurredAt).thenComparing(LearnerActivityEvent::eventId);

    /** An enrolment's expected end: its distinct events, lifecycle status, cohort and each criterion's status. */
    record Expected(int events, String status, String cohortId, Map<String, String> criteria) {
    }

    private final Map<String, Expected> enrolments = new LinkedHashMap<>();
    private final int distinctEvents;
    private final int wrongInArrivalOrder;

    Reference(List<LearnerActivityEvent> deliveries) {
        Map<String, List<LearnerActivityEvent>> byEnrolment = new LinkedHashMap<>();
        Set<Object> seen = new HashSet<>();
        for (LearnerActivityEvent event : deliveries) {
            if (seen.add(event.eventId())) {
                byEnrolment.computeIfAbsent(Enrolment.keyOf(event), k -> new ArrayList<>()).add(event);
            }
        }
        distinctEvents = seen.size();
        byEnrolment.forEach((key, events) -> enrolments.put(key, replay(events.stream().sorted(OCCURRENCE_ORDER).toList())));
        wrongInArrivalOrder = (int) byEnrolment.entrySet().stream()
                .filter(e -> !replay(e.getValue()).equals(enrolments.get(e.getKey()))).count();
    }

    /** Enrolments that a fold applying events as they arrive (without occurrence order) would end wrong: what late events do. */
    int wrongInArrivalOrder() {
        return wrongInArrivalOrder;
    }

    private static Expected replay(List<LearnerActivityEvent> ordered) {
        Map<String, String> criteria = new HashMap<>();
        String cohort = null;
        boolean enrolled = false;
        boolean withdrawn = false;
        for (LearnerActivityEvent event : ordered) {
            switch (event) {
                case LearnerEnrolled e -> {
                    cohort = e.cohortId();
                    enrolled = true;
                    withdrawn = false;
                }
                case LearnerWithdrawn w -> withdrawn = true;
                case EvidenceSubmitted e -> e.criterionCodes().forEach(code -> criteria.merge(e.unitCode() + "/" + code,
                        Enrolment.EVIDENCE_SUBMITTED, (old, x) -> old.equals(Enrolment.NOT_STARTED) ? Enrolment.EVIDENCE_SUBMITTED : old));
                case CriterionAssessed a -> {
                    String key = a.unitCode() + "/" + a.criterionCode();
                    String status = criteria.getOrDefault(key, Enrolment.NOT_STARTED);
                    if (!status.equals(Enrolment.NOT_STARTED)) {
                        if (a.outcome() == AssessmentOutcome.MET) {
                            status = status.equals(Enrolment.EVIDENCE_SUBMITTED) ? Enrolment.MET : status;
                        } else {
                            status = Enrolment.EVIDENCE_SUBMITTED;
                        }
                    }
                    criteria.put(key, status);
                }
                case CriterionVerified v -> {
                    String key = v.unitCode() + "/" + v.criterionCode();
                    String status = criteria.getOrDefault(key, Enrolment.NOT_STARTED);
                    criteria.put(key, status.equals(Enrolment.MET) ? Enrolment.VERIFIED : status);
                }
            }
        }
        return new Expected(ordered.size(), !enrolled ? null : withdrawn ? "WITHDRAWN" : "ACTIVE", cohort, criteria);
    }

    int distinctEvents() {
        return distinctEvents;
    }

    Map<String, Expected> enrolments() {
        return enrolments;
    }

    /** Empty when the engine's state of every enrolment is what the rules give; else the first differences. */
    List<String> differences(Map<String, Enrolment> actual) {
        List<String> problems = new ArrayList<>();
        if (actual.size() != enrolments.size()) {
            problems.add(actual.size() + " enrolments stored, " + enrolments.size() + " expected");
        }
        for (var entry : enrolments.entrySet()) {
            Enrolment e = actual.get(entry.getKey());
            Expected x = entry.getValue();
            if (e == null) {
                problems.add(entry.getKey() + " missing");
            } else {
                Map<String, String> statuses = new HashMap<>();
                e.criteria.forEach(c -> statuses.put(c.u + "/" + c.c, c.s));
                if (e.revision != x.events() || e.eventIds.size() != x.events()) {
                    problems.add(entry.getKey() + ": " + e.revision + " events applied, " + x.events() + " expected");
                } else if (!java.util.Objects.equals(e.status, x.status()) || !java.util.Objects.equals(e.cohortId, x.cohortId())) {
                    problems.add(entry.getKey() + ": " + e.status + "/" + e.cohortId + ", expected " + x.status() + "/" + x.cohortId());
                } else if (!statuses.equals(x.criteria())) {
                    problems.add(entry.getKey() + ": criteria " + statuses + ", expected " + x.criteria());
                }
            }
            if (problems.size() >= 5) {
                break;
            }
        }
        return problems;
    }
}
