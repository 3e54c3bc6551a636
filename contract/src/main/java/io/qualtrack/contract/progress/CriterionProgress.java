package io.qualtrack.contract.progress;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One criterion for one learner: its status, the evidence submitted against it, the assessor's
 * latest decision and the internal verification, each with who and when.
 */
public record CriterionProgress(String code, String text, CriterionStatus status, List<String> evidenceRefs,
                                @Nullable Instant firstEvidenceAt, @Nullable Decision assessment,
                                @Nullable Decision verification) {

    public CriterionProgress {
        evidenceRefs = List.copyOf(evidenceRefs);
    }

    public enum CriterionStatus {
        NOT_STARTED,
        EVIDENCE_SUBMITTED,
        MET,
        VERIFIED
    }

    /** A decision: {@code outcome} is MET or NOT_YET_MET for an assessment, VERIFIED for IQA. */
    public record Decision(String outcome, String by, Instant at) {
    }
}
