package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.contract.progress.UnitProgress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Progress snapshots for tests: one unit U1 with LO1 (1.1, 1.2) and LO2 (2.1, 2.2); the statuses
 * are given in that order. Summaries are computed the simple way, which is all the read side needs.
 */
public final class Snapshots {

    public static final LocalDate START = LocalDate.parse("2026-01-01");
    public static final LocalDate END = LocalDate.parse("2026-12-27");

    private Snapshots() {
    }

    public static EnrolmentProgress progress(String learner, String centre, String cohort, Instant lastActivity,
                                             CriterionStatus... statuses) {
        List<CriterionProgress> criteria = List.of(criterion("1.1", statuses[0], lastActivity), criterion("1.2", statuses[1], lastActivity),
                criterion("2.1", statuses[2], lastActivity), criterion("2.2", statuses[3], lastActivity));
        var lo1 = new LearningOutcomeProgress("LO1", "Understand", summary(criteria.subList(0, 2)), criteria.subList(0, 2));
        var lo2 = new LearningOutcomeProgress("LO2", "Be able to", summary(criteria.subList(2, 4)), criteria.subList(2, 4));
        var unit = new UnitProgress("U1", 1, "Unit one", summary(criteria), List.of(lo1, lo2));
        return new EnrolmentProgress(learner, "Q1", "Qualification one", centre, cohort, START, END, EnrolmentStatus.ACTIVE,
                START.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), null, lastActivity, summary(criteria), List.of(unit));
    }

    public static EnrolmentProgress withdrawn(EnrolmentProgress progress, Instant at) {
        return new EnrolmentProgress(progress.learnerId(), progress.qualificationCode(), progress.qualificationTitle(),
                progress.centreId(), progress.cohortId(), progress.startDate(), progress.plannedEndDate(), EnrolmentStatus.WITHDRAWN,
                progress.enrolledAt(), at, at, progress.summary(), progress.units());
    }

    public static EnrolmentProgressChanged changed(EnrolmentProgress progress, long revision) {
        return new EnrolmentProgressChanged(UUID.randomUUID(), progress.lastActivityAt(), 1, progress.learnerId(),
                progress.qualificationCode(), revision, progress);
    }

    /** A met or verified criterion was judged MET on the day of the last activity. */
    private static CriterionProgress criterion(String code, CriterionStatus status, Instant decidedAt) {
        boolean met = status == CriterionStatus.MET || status == CriterionStatus.VERIFIED;
        return new CriterionProgress(code, "Criterion " + code, status,
                status == CriterionStatus.NOT_STARTED ? List.of() : List.of("evidence-" + code), null,
                met ? new CriterionProgress.Decision("MET", "assessor", decidedAt) : null, null);
    }

    public static ProgressSummary summary(List<CriterionProgress> criteria) {
        long notStarted = count(criteria, CriterionStatus.NOT_STARTED);
        long awaiting = count(criteria, CriterionStatus.EVIDENCE_SUBMITTED);
        long verified = count(criteria, CriterionStatus.VERIFIED);
        long met = count(criteria, CriterionStatus.MET) + verified;
        double percentMet = Math.round(met * 1000.0 / criteria.size()) / 10.0;
        ProgressStatus status = met == criteria.size() ? ProgressStatus.MET : notStarted == criteria.size()
                ? ProgressStatus.NOT_STARTED : ProgressStatus.IN_PROGRESS;
        return new ProgressSummary(criteria.size(), (int) notStarted, (int) awaiting, (int) met, (int) verified,
                percentMet, Math.round(verified * 1000.0 / criteria.size()) / 10.0, status);
    }

    private static long count(List<CriterionProgress> criteria, CriterionStatus status) {
        return criteria.stream().filter(c -> c.status() == status).count();
    }

    public static CriterionStatus[] statuses(CriterionStatus... statuses) {
        return Arrays.copyOf(statuses, 4);
    }
}
