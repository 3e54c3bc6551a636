package io.qualtrack.report.pages;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.ontrack.Rag;

/** The words the pages use for statuses, so a reader never has to decode a constant. */
public final class Wording {

    private Wording() {
    }

    public static String rag(Rag rag) {
        return switch (rag) {
            case GREEN -> "On track";
            case AMBER -> "Needs attention";
            case RED -> "At risk";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    public static String progress(ProgressStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Not started";
            case IN_PROGRESS -> "In progress";
            case MET -> "All criteria met";
            case VERIFIED -> "Met and verified";
        };
    }

    public static String criterion(CriterionProgress criterion) {
        return switch (criterion.status()) {
            case NOT_STARTED -> "Not started";
            case EVIDENCE_SUBMITTED -> needsMoreEvidence(criterion) ? "Not yet met: more evidence needed" : "Awaiting assessment";
            case MET -> "Met, awaiting verification";
            case VERIFIED -> "Met and verified";
        };
    }

    /** A CSS-friendly name for a criterion's state, rework told apart from waiting. */
    public static String criterionKey(CriterionProgress criterion) {
        if (criterion.status() == CriterionStatus.EVIDENCE_SUBMITTED && needsMoreEvidence(criterion)) {
            return "rework";
        }
        return criterion.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static boolean needsMoreEvidence(CriterionProgress criterion) {
        return criterion.assessment() != null && "NOT_YET_MET".equals(criterion.assessment().outcome());
    }
}
