package io.qualtrack.report.messaging;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.contract.progress.UnitProgress;
import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.contract.values.TimeRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a progress snapshot can be stored at all: the identifiers and instants the read models key, bucket
 * and index by, under the contract's {@link Identifiers} and {@link TimeRange}, the same rules the activity API
 * applies, so nothing progress-service publishes from valid activity is refused here.
 */
final class SnapshotShape {

    private SnapshotShape() {
    }

    static List<String> problems(EnrolmentProgressChanged changed) {
        List<String> problems = new ArrayList<>();
        if (changed.eventId() == null) {
            problems.add("eventId is required");
        }
        if (changed.schemaVersion() != ProgressEvent.SCHEMA_VERSION) {
            problems.add("schemaVersion " + changed.schemaVersion() + " is not supported (expected " + ProgressEvent.SCHEMA_VERSION + ")");
        }
        add(problems, TimeRange.problem("occurredAt", changed.occurredAt()));
        add(problems, Identifiers.problem("learnerId", changed.learnerId()));
        add(problems, Identifiers.problem("qualificationCode", changed.qualificationCode()));
        EnrolmentProgress progress = changed.progress();
        if (progress == null) {
            problems.add("progress is required");
            return problems;
        }
        if (!changed.learnerId().equals(progress.learnerId()) || !changed.qualificationCode().equals(progress.qualificationCode())) {
            problems.add("the snapshot's learnerId and qualificationCode differ from the event's");
        }
        add(problems, Identifiers.problem("progress.centreId", progress.centreId()));
        add(problems, Identifiers.problem("progress.cohortId", progress.cohortId()));
        add(problems, TimeRange.problem("progress.startDate", progress.startDate()));
        add(problems, TimeRange.problem("progress.plannedEndDate", progress.plannedEndDate()));
        add(problems, TimeRange.problem("progress.enrolledAt", progress.enrolledAt()));
        add(problems, TimeRange.problem("progress.lastActivityAt", progress.lastActivityAt()));
        add(problems, TimeRange.problemIfPresent("progress.withdrawnAt", progress.withdrawnAt()));
        if (progress.status() == null || progress.summary() == null) {
            problems.add("progress.status and progress.summary are required");
        }
        for (UnitProgress unit : progress.units()) {
            add(problems, Identifiers.problem("unitCode", unit.unitCode()));
            for (LearningOutcomeProgress outcome : unit.learningOutcomes()) {
                for (CriterionProgress criterion : outcome.criteria()) {
                    criterion(problems, criterion);
                }
            }
        }
        return problems;
    }

    private static void criterion(List<String> problems, CriterionProgress criterion) {
        add(problems, Identifiers.problem("criterion code", criterion.code()));
        if (criterion.status() == null) {
            problems.add("criterion " + criterion.code() + ": status is required");
        }
        add(problems, TimeRange.problemIfPresent("criterion " + criterion.code() + " firstEvidenceAt", criterion.firstEvidenceAt()));
        for (CriterionProgress.Decision decision : new CriterionProgress.Decision[] {criterion.assessment(), criterion.verification()}) {
            if (decision != null) {
                add(problems, TimeRange.problem("criterion " + criterion.code() + " decision at", decision.at()));
            }
        }
    }

    private static void add(List<String> problems, Optional<String> problem) {
        problem.ifPresent(problems::add);
    }
}
