package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.ontrack.OnTrackRules;
import io.qualtrack.report.ontrack.OnTrackThresholds;
import io.qualtrack.report.ontrack.Rag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.EVIDENCE_SUBMITTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

class CohortSummariesTest {

    /** 150 of 360 planned days: 41.7% expected. */
    private static final LocalDate TODAY = Snapshots.START.plusDays(150);
    private static final Instant RECENTLY = TODAY.minusDays(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    private final OnTrackRules rules = new OnTrackRules(OnTrackThresholds.DEFAULTS);

    private AssessedRow assessed(io.qualtrack.contract.progress.EnrolmentProgress progress) {
        EnrolmentRow row = EnrolmentRow.of(progress);
        return new AssessedRow(row, rules.assess(row.onTrackFacts(), TODAY));
    }

    @Test
    void countsLearnersByRagAndStatusAndEachCriterionForTheHeatmap() {
        List<AssessedRow> rows = List.of(
                assessed(Snapshots.progress("L1", "C", "K", RECENTLY, VERIFIED, MET, NOT_STARTED, NOT_STARTED)),
                assessed(Snapshots.progress("L2", "C", "K", RECENTLY, MET, EVIDENCE_SUBMITTED, NOT_STARTED, NOT_STARTED)),
                assessed(Snapshots.progress("L3", "C", "K", RECENTLY, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED)),
                assessed(Snapshots.withdrawn(Snapshots.progress("L4", "C", "K", RECENTLY, MET, MET, MET, MET), RECENTLY)));

        CohortSummary summary = CohortSummaries.summarise("C", "K", rows, TODAY);

        assertThat(summary.learners()).isEqualTo(4);
        assertThat(summary.active()).isEqualTo(3);
        assertThat(summary.withdrawn()).isEqualTo(1);
        assertThat(summary.byRag()).containsEntry(Rag.GREEN, 1).containsEntry(Rag.AMBER, 1)
                .containsEntry(Rag.RED, 1).containsEntry(Rag.WITHDRAWN, 1);
        assertThat(summary.byStatus()).containsEntry(ProgressStatus.IN_PROGRESS, 2).containsEntry(ProgressStatus.NOT_STARTED, 1);
        assertThat(summary.averagePercentMet()).isEqualTo(25.0);
        assertThat(summary.units()).singleElement().satisfies(u -> {
            assertThat(u.learners()).isEqualTo(3);
            assertThat(u.averagePercentMet()).isEqualTo(25.0);
        });
        assertThat(summary.criteria()).extracting(CohortSummary.CriterionFigures::criterionCode)
                .containsExactly("1.1", "1.2", "2.1", "2.2");
        var first = summary.criteria().getFirst();
        assertThat(first.met()).isEqualTo(2);
        assertThat(first.verified()).isEqualTo(1);
        assertThat(first.notStarted()).isEqualTo(1);
        assertThat(first.percentMet()).isEqualTo(66.7);
        var second = summary.criteria().get(1);
        assertThat(second.awaitingAssessment()).isEqualTo(1);
        assertThat(second.percentEvidenced()).isEqualTo(66.7);
    }

    @Test
    void anEmptyCohortHasZeroesNotErrors() {
        CohortSummary summary = CohortSummaries.summarise("C", "K", List.of(), TODAY);

        assertThat(summary.learners()).isZero();
        assertThat(summary.averagePercentMet()).isZero();
        assertThat(summary.byRag()).containsEntry(Rag.GREEN, 0);
    }
}
