package io.qualtrack.progress.tracking;

import io.qualtrack.progress.deadletters.RejectionReason;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.parking.ParkReason;
import io.qualtrack.replica.CatalogueView;

import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an activity event can be applied now, must wait, or can never be applied. The qualification
 * is the authority on which units exist: a unit it does not name is unknown, while a unit it names
 * in a version not received yet is waited for.
 */
public final class ActivityAdmission {

    private ActivityAdmission() {
    }

    /**
     * @param enrolled whether the enrolment the event belongs to (its centre, learner and qualification) has been
     *                 applied; another centre's learner with the same id is another enrolment and never matters here
     */
    public static Admission admit(LearnerActivityEvent event, boolean enrolled, CatalogueView catalogue) {
        if (event instanceof LearnerEnrolled enrolment) {
            return admitEnrolment(enrolment, catalogue);
        }
        if (!enrolled) {
            return new Admission.Park(EnrolmentId.of(event).waitingKey(), ParkReason.AWAITING_ENROLMENT);
        }
        return switch (event) {
            case EvidenceSubmitted e -> admitCriteria(e.qualificationCode(), e.unitCode(), e.unitVersion(), e.criterionCodes(), catalogue);
            case CriterionAssessed a -> admitCriteria(a.qualificationCode(), a.unitCode(), a.unitVersion(), List.of(a.criterionCode()), catalogue);
            case CriterionVerified v -> admitCriteria(v.qualificationCode(), v.unitCode(), v.unitVersion(), List.of(v.criterionCode()), catalogue);
            case LearnerWithdrawn w -> Admission.ACCEPT;
            case LearnerEnrolled e -> throw new IllegalStateException("handled above");
        };
    }

    private static Admission admitEnrolment(LearnerEnrolled enrolled, CatalogueView catalogue) {
        Optional<QualificationDefinition> qualification = catalogue.qualification(enrolled.qualificationCode());
        if (qualification.isEmpty()) {
            return new Admission.Park(qualificationKey(enrolled.qualificationCode()), ParkReason.AWAITING_CONTENT);
        }
        for (String unitCode : qualification.get().unitCodes()) {
            if (catalogue.latestVersion(unitCode).isEmpty()) {
                return new Admission.Park(unitKey(unitCode), ParkReason.AWAITING_CONTENT);
            }
        }
        return Admission.ACCEPT;
    }

    private static Admission admitCriteria(String qualificationCode, String unitCode, int unitVersion,
                                           List<String> criterionCodes, CatalogueView catalogue) {
        QualificationDefinition qualification = catalogue.qualification(qualificationCode).orElse(null);
        if (qualification == null) {
            return new Admission.Park(qualificationKey(qualificationCode), ParkReason.AWAITING_CONTENT);
        }
        if (!qualification.unitCodes().contains(unitCode)) {
            return new Admission.Reject(RejectionReason.UNKNOWN_UNIT,
                    "unit " + unitCode + " is not part of qualification " + qualificationCode);
        }
        Optional<UnitDefinition> unit = catalogue.unit(unitCode, unitVersion);
        if (unit.isEmpty()) {
            return new Admission.Park(unitKey(unitCode), ParkReason.AWAITING_CONTENT);
        }
        Set<String> known = unit.get().learningOutcomes().stream().flatMap(lo -> lo.criteria().stream())
                .map(UnitDefinition.CriterionDefinition::code).collect(Collectors.toSet());
        List<String> unknown = criterionCodes.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            return new Admission.Reject(RejectionReason.UNKNOWN_CRITERION,
                    "unit " + unitCode + " v" + unitVersion + " has no criterion " + String.join(", ", unknown));
        }
        return Admission.ACCEPT;
    }

    public static String unitKey(String unitCode) {
        return "unit/" + unitCode;
    }

    public static String qualificationKey(String qualificationCode) {
        return "qualification/" + qualificationCode;
    }
}
