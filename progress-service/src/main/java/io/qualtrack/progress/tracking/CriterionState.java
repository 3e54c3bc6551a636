package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.CriterionProgress.Decision;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One criterion's life, fed events in occurrence order: evidence first, then "met" by an assessor,
 * then verified by IQA. "Not yet met" takes a met or verified criterion back to evidence submitted.
 * An event that does not fit the state it meets (a verification before any "met") changes nothing.
 */
final class CriterionState {

    private CriterionStatus status = CriterionStatus.NOT_STARTED;
    private final List<String> evidenceRefs = new ArrayList<>();
    private @Nullable Instant firstEvidenceAt;
    private @Nullable Decision assessment;
    private @Nullable Decision verification;

    void evidence(String evidenceRef, Instant at) {
        if (!evidenceRefs.contains(evidenceRef)) {
            evidenceRefs.add(evidenceRef);
        }
        if (firstEvidenceAt == null) {
            firstEvidenceAt = at;
        }
        if (status == CriterionStatus.NOT_STARTED) {
            status = CriterionStatus.EVIDENCE_SUBMITTED;
        }
    }

    void assessed(AssessmentOutcome outcome, String assessor, Instant at) {
        if (status == CriterionStatus.NOT_STARTED) {
            return;
        }
        assessment = new Decision(outcome.name(), assessor, at);
        if (outcome == AssessmentOutcome.MET) {
            if (status == CriterionStatus.EVIDENCE_SUBMITTED) {
                status = CriterionStatus.MET;
            }
        } else {
            status = CriterionStatus.EVIDENCE_SUBMITTED;
            verification = null;
        }
    }

    void verified(String verifier, Instant at) {
        if (status == CriterionStatus.MET) {
            status = CriterionStatus.VERIFIED;
            verification = new Decision("VERIFIED", verifier, at);
        }
    }

    CriterionProgress toProgress(String code, String text) {
        return new CriterionProgress(code, text, status, evidenceRefs, firstEvidenceAt, assessment, verification);
    }
}
