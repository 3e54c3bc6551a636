package io.qualtrack.progress.tracking;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.progress.deadletters.RejectionReason;
import io.qualtrack.progress.parking.ParkReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityAdmissionTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final Activities ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);

    @Test
    void acceptsActivityOnKnownCriteriaOfAnAppliedEnrolment() {
        assertThat(ActivityAdmission.admit(ann.evidence(1, "U-ONE", "e", "1.1", "2.1"), true, catalogue))
                .isEqualTo(Admission.ACCEPT);
        assertThat(ActivityAdmission.admit(ann.enrolled(0), false, catalogue)).isEqualTo(Admission.ACCEPT);
    }

    @Test
    void parksActivityUntilTheEnrolmentIsApplied() {
        assertThat(ActivityAdmission.admit(ann.met(1, "U-ONE", "1.1"), false, catalogue))
                .isEqualTo(new Admission.Park("enrolment/C-1|L-ANN|Q-SMALL", ParkReason.AWAITING_ENROLMENT));
    }

    @Test
    void anotherCentresLearnerWithTheSameIdWaitsForItsOwnEnrolment() {
        var sameIdElsewhere = new Activities("L-ANN", "C-2", SmallCatalogue.QUALIFICATION);

        assertThat(ActivityAdmission.admit(sameIdElsewhere.evidence(1, "U-ONE", "e", "1.1"), false, catalogue))
                .isEqualTo(new Admission.Park("enrolment/C-2|L-ANN|Q-SMALL", ParkReason.AWAITING_ENROLMENT));
        assertThat(ActivityAdmission.admit(sameIdElsewhere.enrolled(0), false, catalogue)).isEqualTo(Admission.ACCEPT);
    }

    @Test
    void rejectsUnitsTheQualificationDoesNotNameAndCriteriaTheUnitDoesNotHave() {
        assertThat(ActivityAdmission.admit(ann.evidence(1, "U-NINE", "e", "1.1"), true, catalogue))
                .isInstanceOfSatisfying(Admission.Reject.class, r -> assertThat(r.reason()).isEqualTo(RejectionReason.UNKNOWN_UNIT));
        assertThat(ActivityAdmission.admit(ann.evidence(1, "U-ONE", "e", "1.1", "9.9"), true, catalogue))
                .isInstanceOfSatisfying(Admission.Reject.class, r -> {
                    assertThat(r.reason()).isEqualTo(RejectionReason.UNKNOWN_CRITERION);
                    assertThat(r.detail()).contains("9.9").doesNotContain("1.1");
                });
    }

    @Test
    void parksActivityOnAUnitVersionNotReceivedYet() {
        var onVersionTwo = new io.qualtrack.contract.activity.CriterionVerified(java.util.UUID.randomUUID(), Activities.minute(1), 1,
                "L-ANN", "C-1", SmallCatalogue.QUALIFICATION, "U-ONE", 2, "1.1", "iqa");

        assertThat(ActivityAdmission.admit(onVersionTwo, true, catalogue))
                .isEqualTo(new Admission.Park("unit/U-ONE", ParkReason.AWAITING_CONTENT));
    }

    @Test
    void parksAnEnrolmentUntilItsQualificationAndEveryUnitHaveArrived() {
        var elsewhere = new Activities("L-ANN", "C-1", "Q-NEW");
        assertThat(ActivityAdmission.admit(elsewhere.enrolled(0), false, catalogue))
                .isEqualTo(new Admission.Park("qualification/Q-NEW", ParkReason.AWAITING_CONTENT));

        catalogue.add(new QualificationDefinition("Q-NEW", 1, "New", 7, List.of("U-ONE", "U-LATER")));
        assertThat(ActivityAdmission.admit(elsewhere.enrolled(0), false, catalogue))
                .isEqualTo(new Admission.Park("unit/U-LATER", ParkReason.AWAITING_CONTENT));
    }
}
