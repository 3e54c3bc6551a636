package io.qualtrack.contract.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One criterion for one learner: its status, the evidence submitted against it, the assessor's
 * latest decision and the internal verification, each with who and when. {@code evidenceRefs} are the
 * most recent distinct references (at most {@link #EVIDENCE_SHOWN}, oldest first), so the snapshot stays
 * the size of the qualification however long the history; {@code evidenceCount} is how many times
 * evidence was submitted (never fewer than the references shown: a producer that leaves it out says the
 * references are all there is). {@code text} is left out on the progress topic.
 */
public record CriterionProgress(String code, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String text,
                                CriterionStatus status, List<String> evidenceRefs,
                                // a snapshot published before the count was kept has none: 0, then the references'
                                @JsonSetter(nulls = Nulls.AS_EMPTY) int evidenceCount, @Nullable Instant firstEvidenceAt,
                                @Nullable Decision assessment, @Nullable Decision verification) {

    public static final int EVIDENCE_SHOWN = 10;

    public CriterionProgress {
        evidenceRefs = List.copyOf(evidenceRefs);
        evidenceCount = Math.max(evidenceCount, evidenceRefs.size());
    }

    /** Every piece of evidence shown: the count is the references'. */
    public CriterionProgress(String code, @Nullable String text, CriterionStatus status, List<String> evidenceRefs,
                             @Nullable Instant firstEvidenceAt, @Nullable Decision assessment, @Nullable Decision verification) {
        this(code, text, status, evidenceRefs, evidenceRefs.size(), firstEvidenceAt, assessment, verification);
    }

    CriterionProgress withoutText() {
        return new CriterionProgress(code, null, status, evidenceRefs, evidenceCount, firstEvidenceAt, assessment, verification);
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
