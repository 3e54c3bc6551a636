package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.ontrack.Rag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A cohort at a glance. {@code learners} counts every enrolment in the cohort; the RAG, status,
 * unit and criterion figures count active learners only (withdrawn ones are in {@code byRag} as
 * WITHDRAWN and nowhere else).
 */
public record CohortSummary(String centreId, String cohortId, LocalDate asOf, int learners, int active, int withdrawn,
                            Map<Rag, Integer> byRag, Map<ProgressStatus, Integer> byStatus, double averagePercentMet,
                            List<UnitFigures> units, List<CriterionFigures> criteria) {

    /** One unit across the cohort's active learners whose qualification includes it. */
    public record UnitFigures(String unitCode, String title, int learners, double averagePercentMet,
                              Map<ProgressStatus, Integer> byStatus) {
    }

    /** One criterion across the cohort: the heatmap's cell. */
    public record CriterionFigures(String unitCode, String criterionCode, int learners, int met, int verified,
                                   int awaitingAssessment, int notStarted, double percentMet, double percentEvidenced) {
    }
}
