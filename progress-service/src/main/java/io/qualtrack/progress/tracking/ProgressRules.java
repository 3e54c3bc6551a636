package io.qualtrack.progress.tracking;

import io.qualtrack.replica.CatalogueView;

import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An enrolment's progress from its distinct events. The events are replayed in occurrence order
 * (ties broken by event id) from scratch every time, so the result depends only on the set of
 * events: not on duplicates, not on the order they arrived in.
 */
public final class ProgressRules {

    public static final Comparator<LearnerActivityEvent> OCCURRENCE_ORDER =
            Comparator.comparing(LearnerActivityEvent::occurredAt).thenComparing(LearnerActivityEvent::eventId);

    private ProgressRules() {
    }

    private record CriterionKey(String unitCode, String criterionCode) {
    }

    public static EnrolmentProgress calculate(Collection<? extends LearnerActivityEvent> events, CatalogueView catalogue) {
        List<LearnerActivityEvent> ordered = events.stream().map(LearnerActivityEvent.class::cast)
                .sorted(OCCURRENCE_ORDER).toList();
        Map<CriterionKey, CriterionState> criteria = new HashMap<>();
        Map<String, Integer> versionInUse = new HashMap<>();
        LearnerEnrolled enrolment = null;
        Instant enrolledAt = null;
        Instant withdrawnAt = null;
        Instant lastActivityAt = null;
        for (LearnerActivityEvent event : ordered) {
            lastActivityAt = event.occurredAt();
            switch (event) {
                case LearnerEnrolled enrolled -> {
                    enrolment = enrolled;
                    enrolledAt = enrolledAt == null ? enrolled.occurredAt() : enrolledAt;
                    withdrawnAt = null;
                }
                case LearnerWithdrawn withdrawn -> withdrawnAt = withdrawn.occurredAt();
                case EvidenceSubmitted evidence -> {
                    versionInUse.merge(evidence.unitCode(), evidence.unitVersion(), Math::max);
                    evidence.criterionCodes().forEach(code -> criteria
                            .computeIfAbsent(new CriterionKey(evidence.unitCode(), code), k -> new CriterionState())
                            .evidence(evidence.evidenceRef(), evidence.occurredAt()));
                }
                case CriterionAssessed assessed -> {
                    versionInUse.merge(assessed.unitCode(), assessed.unitVersion(), Math::max);
                    criteria.computeIfAbsent(new CriterionKey(assessed.unitCode(), assessed.criterionCode()),
                            k -> new CriterionState()).assessed(assessed.outcome(), assessed.assessorId(), assessed.occurredAt());
                }
                case CriterionVerified verified -> {
                    versionInUse.merge(verified.unitCode(), verified.unitVersion(), Math::max);
                    criteria.computeIfAbsent(new CriterionKey(verified.unitCode(), verified.criterionCode()),
                            k -> new CriterionState()).verified(verified.verifierId(), verified.occurredAt());
                }
            }
        }
        if (enrolment == null) {
            throw new IllegalArgumentException("progress needs the enrolment among the events");
        }
        QualificationDefinition qualification = catalogue.qualification(enrolment.qualificationCode())
                .orElseThrow(() -> new IllegalStateException("qualification not in the catalogue yet"));
        List<UnitProgress> units = new ArrayList<>();
        for (String unitCode : qualification.unitCodes()) {
            // A unit the replica has not received yet (a qualification republished with a new unit) is left
            // out until it arrives, rather than failing the whole batch; activity on it is parked meanwhile.
            OptionalInt version = versionInUse.containsKey(unitCode) ? OptionalInt.of(versionInUse.get(unitCode))
                    : catalogue.latestVersion(unitCode);
            if (version.isPresent()) {
                catalogue.unit(unitCode, version.getAsInt()).ifPresent(unit -> units.add(unitProgress(unit, criteria)));
            }
        }
        List<CriterionProgress> all = units.stream().flatMap(u -> u.learningOutcomes().stream())
                .flatMap(lo -> lo.criteria().stream()).toList();
        return new EnrolmentProgress(enrolment.learnerId(), qualification.code(), qualification.title(),
                enrolment.centreId(), enrolment.cohortId(), enrolment.startDate(), enrolment.plannedEndDate(),
                withdrawnAt == null ? EnrolmentStatus.ACTIVE : EnrolmentStatus.WITHDRAWN, enrolledAt, withdrawnAt,
                lastActivityAt, ProgressSummaries.of(all), units);
    }

    private static UnitProgress unitProgress(UnitDefinition unit, Map<CriterionKey, CriterionState> criteria) {
        List<LearningOutcomeProgress> outcomes = unit.learningOutcomes().stream().map(lo -> {
            List<CriterionProgress> progress = lo.criteria().stream()
                    .map(c -> stateOf(criteria.get(new CriterionKey(unit.code(), c.code()))).toProgress(c.code(), c.text()))
                    .toList();
            return new LearningOutcomeProgress(lo.code(), lo.text(), ProgressSummaries.of(progress), progress);
        }).toList();
        List<CriterionProgress> all = outcomes.stream().flatMap(lo -> lo.criteria().stream()).toList();
        return new UnitProgress(unit.code(), unit.version(), unit.title(), ProgressSummaries.of(all), outcomes);
    }

    private static CriterionState stateOf(@Nullable CriterionState state) {
        return state == null ? new CriterionState() : state;
    }
}
