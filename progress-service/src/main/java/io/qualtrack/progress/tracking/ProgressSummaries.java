package io.qualtrack.progress.tracking;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;

import java.util.List;

/** Counts and status over a set of criteria; the same rule for a learning outcome, a unit and a qualification. */
final class ProgressSummaries {

    private ProgressSummaries() {
    }

    static ProgressSummary of(List<CriterionProgress> criteria) {
        int notStarted = count(criteria, CriterionStatus.NOT_STARTED);
        int awaitingAssessment = count(criteria, CriterionStatus.EVIDENCE_SUBMITTED);
        int verified = count(criteria, CriterionStatus.VERIFIED);
        int met = count(criteria, CriterionStatus.MET) + verified;
        int total = criteria.size();
        return new ProgressSummary(total, notStarted, awaitingAssessment, met, verified,
                percent(met, total), percent(verified, total), status(total, notStarted, met, verified));
    }

    private static ProgressStatus status(int total, int notStarted, int met, int verified) {
        if (total > 0 && verified == total) {
            return ProgressStatus.VERIFIED;
        }
        if (total > 0 && met == total) {
            return ProgressStatus.MET;
        }
        return notStarted == total ? ProgressStatus.NOT_STARTED : ProgressStatus.IN_PROGRESS;
    }

    private static int count(List<CriterionProgress> criteria, CriterionStatus status) {
        return (int) criteria.stream().filter(c -> c.status() == status).count();
    }

    /** One decimal place, so 1 of 3 reads 33.3. */
    private static double percent(int part, int total) {
        return total == 0 ? 0.0 : Math.round(part * 1000.0 / total) / 10.0;
    }
}
