package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressRulesTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final Activities ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);

    private EnrolmentProgress progress(LearnerActivityEvent... events) {
        return ProgressRules.calculate(List.of(events), catalogue);
    }

    private static CriterionProgress criterion(EnrolmentProgress progress, String unit, String code) {
        return progress.units().stream().filter(u -> u.unitCode().equals(unit)).findFirst().orElseThrow()
                .learningOutcomes().stream().flatMap(lo -> lo.criteria().stream())
                .filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void anEnrolmentStartsWithEveryCriterionOfEveryUnitNotStarted() {
        EnrolmentProgress progress = progress(ann.enrolled(0));

        assertThat(progress.units()).extracting(u -> u.unitCode()).containsExactly("U-ONE", "U-TWO");
        assertThat(progress.summary().criteria()).isEqualTo(4);
        assertThat(progress.summary().status()).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(progress.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(progress.qualificationTitle()).isEqualTo("A small qualification");
    }

    @Test
    void evidenceThenAMetAssessmentMeetsACriterionAndVerificationVerifiesIt() {
        var evidence = ann.evidence(1, "U-ONE", "essay.pdf", "1.1");

        assertThat(criterion(progress(ann.enrolled(0), evidence), "U-ONE", "1.1").status())
                .isEqualTo(CriterionStatus.EVIDENCE_SUBMITTED);
        var met = ann.met(2, "U-ONE", "1.1");
        CriterionProgress afterMet = criterion(progress(ann.enrolled(0), evidence, met), "U-ONE", "1.1");
        assertThat(afterMet.status()).isEqualTo(CriterionStatus.MET);
        assertThat(afterMet.assessment().by()).isEqualTo("assessor-1");
        assertThat(afterMet.assessment().at()).isEqualTo(Activities.minute(2));
        CriterionProgress verified = criterion(progress(ann.enrolled(0), evidence, met, ann.verified(3, "U-ONE", "1.1")), "U-ONE", "1.1");
        assertThat(verified.status()).isEqualTo(CriterionStatus.VERIFIED);
        assertThat(verified.verification().by()).isEqualTo("iqa-1");
        assertThat(verified.evidenceRefs()).containsExactly("essay.pdf");
    }

    @Test
    void anAssessmentWithoutEvidenceBeforeItMeetsNothing() {
        CriterionProgress progress = criterion(progress(ann.enrolled(0), ann.met(1, "U-ONE", "1.1")), "U-ONE", "1.1");

        assertThat(progress.status()).isEqualTo(CriterionStatus.NOT_STARTED);
    }

    @Test
    void verificationBeforeMetChangesNothing() {
        CriterionProgress progress = criterion(progress(ann.enrolled(0), ann.evidence(1, "U-ONE", "e", "1.1"),
                ann.verified(2, "U-ONE", "1.1")), "U-ONE", "1.1");

        assertThat(progress.status()).isEqualTo(CriterionStatus.EVIDENCE_SUBMITTED);
        assertThat(progress.verification()).isNull();
    }

    @Test
    void notYetMetAfterMetOrVerifiedRevertsToEvidenceSubmitted() {
        CriterionProgress progress = criterion(progress(ann.enrolled(0), ann.evidence(1, "U-ONE", "e", "1.1"),
                ann.met(2, "U-ONE", "1.1"), ann.verified(3, "U-ONE", "1.1"), ann.notYetMet(4, "U-ONE", "1.1")), "U-ONE", "1.1");

        assertThat(progress.status()).isEqualTo(CriterionStatus.EVIDENCE_SUBMITTED);
        assertThat(progress.assessment().outcome()).isEqualTo("NOT_YET_MET");
        assertThat(progress.assessment().by()).isEqualTo("assessor-2");
        assertThat(progress.verification()).isNull();
    }

    @Test
    void onePieceOfEvidenceCoversSeveralCriteria() {
        EnrolmentProgress progress = progress(ann.enrolled(0), ann.evidence(1, "U-ONE", "portfolio.pdf", "1.1", "1.2", "2.1"));

        assertThat(List.of("1.1", "1.2", "2.1")).allSatisfy(code -> {
            CriterionProgress c = criterion(progress, "U-ONE", code);
            assertThat(c.status()).isEqualTo(CriterionStatus.EVIDENCE_SUBMITTED);
            assertThat(c.evidenceRefs()).containsExactly("portfolio.pdf");
        });
        assertThat(progress.summary().awaitingAssessment()).isEqualTo(3);
    }

    @Test
    void summarisesEachLearningOutcomeUnitAndTheQualification() {
        EnrolmentProgress progress = progress(ann.enrolled(0),
                ann.evidence(1, "U-ONE", "e1", "1.1", "1.2"), ann.met(2, "U-ONE", "1.1"), ann.met(2, "U-ONE", "1.2"),
                ann.verified(3, "U-ONE", "1.1"));

        var unitOne = progress.units().getFirst();
        var lo1 = unitOne.learningOutcomes().getFirst();
        assertThat(lo1.summary().status()).isEqualTo(ProgressStatus.MET);
        assertThat(lo1.summary().percentMet()).isEqualTo(100.0);
        assertThat(lo1.summary().percentVerified()).isEqualTo(50.0);
        assertThat(unitOne.learningOutcomes().get(1).summary().status()).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(unitOne.summary().percentMet()).isEqualTo(66.7);
        assertThat(unitOne.summary().status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(progress.summary().met()).isEqualTo(2);
        assertThat(progress.summary().verified()).isEqualTo(1);
        assertThat(progress.summary().awaitingVerification()).isEqualTo(1);
        assertThat(progress.summary().percentMet()).isEqualTo(50.0);
    }

    @Test
    void everyCriterionVerifiedMakesTheQualificationVerified() {
        List<LearnerActivityEvent> events = new ArrayList<>(List.of(ann.enrolled(0),
                ann.evidence(1, "U-ONE", "e1", "1.1", "1.2", "2.1"), ann.evidence(1, "U-TWO", "e2", "1.1")));
        for (String[] c : new String[][]{{"U-ONE", "1.1"}, {"U-ONE", "1.2"}, {"U-ONE", "2.1"}, {"U-TWO", "1.1"}}) {
            events.add(ann.met(2, c[0], c[1]));
            events.add(ann.verified(3, c[0], c[1]));
        }

        assertThat(ProgressRules.calculate(events, catalogue).summary().status()).isEqualTo(ProgressStatus.VERIFIED);
    }

    @Test
    void aWithdrawnLearnerKeepsTheirHistory() {
        EnrolmentProgress progress = progress(ann.enrolled(0), ann.evidence(1, "U-ONE", "e", "1.1"),
                ann.met(2, "U-ONE", "1.1"), ann.withdrawn(3));

        assertThat(progress.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(progress.withdrawnAt()).isEqualTo(Activities.minute(3));
        assertThat(criterion(progress, "U-ONE", "1.1").status()).isEqualTo(CriterionStatus.MET);
    }

    @Test
    void reEnrolmentAfterWithdrawalMakesTheLearnerActiveAgain() {
        EnrolmentProgress progress = progress(ann.enrolled(0), ann.withdrawn(3), ann.enrolled(5));

        assertThat(progress.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(progress.enrolledAt()).isEqualTo(Activities.minute(0));
        assertThat(progress.withdrawnAt()).isNull();
    }

    @Test
    void theResultDependsOnlyOnTheSetOfEventsNotTheirOrder() {
        List<LearnerActivityEvent> events = List.of(ann.enrolled(0), ann.evidence(1, "U-ONE", "e", "1.1", "2.1"),
                ann.met(2, "U-ONE", "1.1"), ann.notYetMet(3, "U-ONE", "2.1"), ann.evidence(4, "U-ONE", "e2", "2.1"),
                ann.met(5, "U-ONE", "2.1"), ann.verified(6, "U-ONE", "1.1"), ann.withdrawn(7));
        EnrolmentProgress expected = ProgressRules.calculate(events, catalogue);
        Random random = new Random(42);

        for (int i = 0; i < 50; i++) {
            List<LearnerActivityEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(ProgressRules.calculate(shuffled, catalogue)).isEqualTo(expected);
        }
    }

    @Test
    void needsTheEnrolment() {
        assertThatThrownBy(() -> progress(ann.evidence(1, "U-ONE", "e", "1.1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
