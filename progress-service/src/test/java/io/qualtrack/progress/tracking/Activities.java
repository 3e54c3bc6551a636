package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Activity for one learner at one centre, each event at a given minute after a fixed start. */
public record Activities(String learnerId, String centreId, String qualificationCode) {

    static final Instant START = Instant.parse("2026-09-01T09:00:00Z");

    public static Instant minute(int minute) {
        return START.plusSeconds(60L * minute);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    public LearnerEnrolled enrolled(int minute) {
        return new LearnerEnrolled(id(), minute(minute), 1, learnerId, centreId, qualificationCode, "COHORT-A",
                LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"));
    }

    public EvidenceSubmitted evidence(int minute, String unit, String ref, String... criteria) {
        return new EvidenceSubmitted(id(), minute(minute), 1, learnerId, centreId, qualificationCode, unit, 1, ref, List.of(criteria));
    }

    public CriterionAssessed met(int minute, String unit, String criterion) {
        return new CriterionAssessed(id(), minute(minute), 1, learnerId, centreId, qualificationCode, unit, 1, criterion,
                AssessmentOutcome.MET, "assessor-1", null);
    }

    public CriterionAssessed notYetMet(int minute, String unit, String criterion) {
        return new CriterionAssessed(id(), minute(minute), 1, learnerId, centreId, qualificationCode, unit, 1, criterion,
                AssessmentOutcome.NOT_YET_MET, "assessor-2", null);
    }

    public CriterionVerified verified(int minute, String unit, String criterion) {
        return new CriterionVerified(id(), minute(minute), 1, learnerId, centreId, qualificationCode, unit, 1, criterion, "iqa-1");
    }

    public LearnerWithdrawn withdrawn(int minute) {
        return new LearnerWithdrawn(id(), minute(minute), 1, learnerId, centreId, qualificationCode, "moved away");
    }
}
