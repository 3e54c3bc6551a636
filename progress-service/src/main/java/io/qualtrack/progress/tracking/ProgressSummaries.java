package io.qualtrack.progress.tracking;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;

import java.util.List;

/** Counts and status over a set of criteria; the same rule for a learning outcome, a unit and a qualification. */
final class ProgressSummaries {

    private ProgressSummaries() {
    }

    static ProgressSummary of(List<CriterionProgress> criteria) {
        int notStarted = 0;
        int awaitingAssessment = 0;
        int met = 0;
        int verified = 0;
        for (CriterionProgress criterion : criteria) {
            switch (criterion.status()) {
                case NOT_STARTED -> notStarted++;
                case EVIDENCE_SUBMITTED -> awaitingAssessment++;
                case MET -> met++;
                case VERIFIED -> {
                    met++;
                    verified++;
                }
            }
        }
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

    /** One decimal place, so 1 of 3 reads 33.3. */
    private static double percent(int part, int total) {
        return total == 0 ? 0.0 : Math.round(part * 1000.0 / total) / 10.0;
    }
}
