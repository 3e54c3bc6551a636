package io.qualtrack.progress.tracking;

import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.replica.CatalogueView;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An enrolment's progress from its state and the catalogue: every unit of the qualification (in the version the
 * learner's activity used, else the latest), down to each criterion, with the counts rolled up.
 */
public final class ProgressRules {

    private ProgressRules() {
    }

    /** The progress from a set of events, in any order and with duplicates: what applying them one by one must give. */
    public static EnrolmentProgress calculate(Collection<? extends LearnerActivityEvent> events, CatalogueView catalogue) {
        LearnerActivityEvent any = events.stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("progress needs the enrolment among the events"));
        return calculate(Enrolment.replay(EnrolmentId.of(any), events), catalogue);
    }

    public static EnrolmentProgress calculate(EnrolmentState state, CatalogueView catalogue) {
        EnrolmentState.Terms terms = state.terms();
        if (terms == null) {
            throw new IllegalArgumentException("progress needs the enrolment among the events");
        }
        EnrolmentId id = state.id();
        QualificationDefinition qualification = catalogue.qualification(id.qualificationCode())
                .orElseThrow(() -> new IllegalStateException("qualification not in the catalogue yet"));
        List<UnitProgress> units = new ArrayList<>();
        for (String unitCode : qualification.unitCodes()) {
            // A unit the replica has not received yet (a qualification republished with a new unit) is left
            // out until it arrives, rather than failing the whole batch; activity on it is parked meanwhile.
            Integer used = state.unitVersions().get(unitCode);
            OptionalInt version = used != null ? OptionalInt.of(used) : catalogue.latestVersion(unitCode);
            if (version.isPresent()) {
                catalogue.unit(unitCode, version.getAsInt()).ifPresent(unit -> units.add(unitProgress(unit, state.criteria())));
            }
        }
        List<CriterionProgress> all = units.stream().flatMap(u -> u.learningOutcomes().stream())
                .flatMap(lo -> lo.criteria().stream()).toList();
        Instant withdrawnAt = state.withdrawnAt();
        return new EnrolmentProgress(id.learnerId(), qualification.code(), qualification.title(),
                id.centreId(), terms.cohortId(), terms.startDate(), terms.plannedEndDate(),
                withdrawnAt == null ? EnrolmentStatus.ACTIVE : EnrolmentStatus.WITHDRAWN, state.enrolledAt(), withdrawnAt,
                state.lastActivityAt(), ProgressSummaries.of(all), units);
    }

    private static UnitProgress unitProgress(UnitDefinition unit, Map<CriterionKey, CriterionRecord> criteria) {
        List<LearningOutcomeProgress> outcomes = unit.learningOutcomes().stream().map(lo -> {
            List<CriterionProgress> progress = lo.criteria().stream().map(c -> {
                CriterionRecord record = criteria.get(new CriterionKey(unit.code(), c.code()));
                return record == null ? CriterionRecord.notStarted(c.code(), c.text()) : record.toProgress(c.code(), c.text());
            }).toList();
            return new LearningOutcomeProgress(lo.code(), lo.text(), ProgressSummaries.of(progress), progress);
        }).toList();
        List<CriterionProgress> all = outcomes.stream().flatMap(lo -> lo.criteria().stream()).toList();
        return new UnitProgress(unit.code(), unit.version(), unit.title(), ProgressSummaries.of(all), outcomes);
    }
}
