package io.qualtrack.report.dashboard;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;
import io.qualtrack.report.cohort.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.EVIDENCE_SUBMITTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class NextCriteriaTest {

    @Test
    void reworkComesFirstThenCriteriaNotStartedInCatalogueOrderAndNothingWaitingForAnAssessor() {
        EnrolmentProgress progress = Snapshots.progress("L1", "C", "K", Instant.parse("2026-05-01T10:00:00Z"),
                NOT_STARTED, EVIDENCE_SUBMITTED, MET, EVIDENCE_SUBMITTED);
        // mark 2.2 as assessed NOT_YET_MET: it needs more evidence
        UnitProgress unit = progress.units().getFirst();
        LearningOutcomeProgress lo2 = unit.learningOutcomes().get(1);
        CriterionProgress rework = new CriterionProgress("2.2", "Criterion 2.2", EVIDENCE_SUBMITTED, List.of("e"), null,
                new CriterionProgress.Decision("NOT_YET_MET", "assessor", Instant.parse("2026-04-01T10:00:00Z")), null);
        var changedUnit = new UnitProgress(unit.unitCode(), 1, unit.title(), unit.summary(), List.of(unit.learningOutcomes().getFirst(),
                new LearningOutcomeProgress("LO2", lo2.text(), lo2.summary(), List.of(lo2.criteria().getFirst(), rework))));
        var withRework = new EnrolmentProgress(progress.learnerId(), progress.qualificationCode(), progress.qualificationTitle(),
                progress.centreId(), progress.cohortId(), progress.startDate(), progress.plannedEndDate(), progress.status(),
                progress.enrolledAt(), null, progress.lastActivityAt(), progress.summary(), List.of(changedUnit));

        List<NextCriteria.Next> next = NextCriteria.pick(withRework, 5);

        assertThat(next).extracting(NextCriteria.Next::criterionCode).containsExactly("2.2", "1.1");
        assertThat(next.getFirst().needsMoreEvidence()).isTrue();
        assertThat(next.get(1).learningOutcomeText()).isEqualTo("Understand");
        assertThat(NextCriteria.pick(withRework, 1)).hasSize(1);
    }
}
