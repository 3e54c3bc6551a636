package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;

import java.util.List;

/** One assessment criterion of a unit, whatever the unit's version: a learner's progress on it carries across versions. */
public record CriterionKey(String unitCode, String criterionCode) {

    /** The criteria an event is about: none for an enrolment or a withdrawal. */
    public static List<CriterionKey> of(LearnerActivityEvent event) {
        return switch (event) {
            case EvidenceSubmitted e -> e.criterionCodes().stream().distinct().map(code -> new CriterionKey(e.unitCode(), code)).toList();
            case CriterionAssessed a -> List.of(new CriterionKey(a.unitCode(), a.criterionCode()));
            case CriterionVerified v -> List.of(new CriterionKey(v.unitCode(), v.criterionCode()));
            case LearnerEnrolled e -> List.of();
            case LearnerWithdrawn w -> List.of();
        };
    }
}
