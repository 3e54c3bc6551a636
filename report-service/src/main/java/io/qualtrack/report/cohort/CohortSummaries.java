package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.cohort.CohortSummary.CriterionFigures;
import io.qualtrack.report.cohort.CohortSummary.UnitFigures;
import io.qualtrack.report.ontrack.Rag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds a cohort's assessed rows up into its summary; plain arithmetic, no I/O. */
public final class CohortSummaries {

    private CohortSummaries() {
    }

    private static final class UnitTally {
        String title;
        int learners;
        double percentMet;
        final Map<ProgressStatus, Integer> byStatus = zeros(ProgressStatus.class);
    }

    private static final class CriterionTally {
        int learners;
        int met;
        int verified;
        int awaitingAssessment;
        int notStarted;
    }

    public static CohortSummary summarise(String centreId, String cohortId, List<AssessedRow> rows, LocalDate asOf) {
        Map<Rag, Integer> byRag = zeros(Rag.class);
        Map<ProgressStatus, Integer> byStatus = zeros(ProgressStatus.class);
        Map<String, UnitTally> units = new LinkedHashMap<>();
        Map<String, CriterionTally> criteria = new LinkedHashMap<>();
        double percentMet = 0;
        int active = 0;
        for (AssessedRow assessed : rows) {
            EnrolmentRow row = assessed.row();
            byRag.merge(assessed.onTrack().rag(), 1, Integer::sum);
            if (assessed.onTrack().rag() == Rag.WITHDRAWN) {
                continue;
            }
            active++;
            percentMet += row.summary().percentMet();
            byStatus.merge(row.summary().status(), 1, Integer::sum);
            for (EnrolmentRow.UnitCell unit : row.units()) {
                UnitTally tally = units.computeIfAbsent(unit.unitCode(), k -> new UnitTally());
                tally.title = unit.title();
                tally.learners++;
                tally.percentMet += unit.percentMet();
                tally.byStatus.merge(unit.status(), 1, Integer::sum);
                for (EnrolmentRow.CriterionCell cell : unit.criteria()) {
                    CriterionTally c = criteria.computeIfAbsent(unit.unitCode() + "\u0000" + cell.code(), k -> new CriterionTally());
                    c.learners++;
                    switch (cell.status()) {
                        case NOT_STARTED -> c.notStarted++;
                        case EVIDENCE_SUBMITTED -> c.awaitingAssessment++;
                        case MET -> c.met++;
                        case VERIFIED -> {
                            c.met++;
                            c.verified++;
                        }
                    }
                }
            }
        }
        List<UnitFigures> unitFigures = new ArrayList<>();
        units.forEach((code, t) -> unitFigures.add(new UnitFigures(code, t.title, t.learners, average(t.percentMet, t.learners), t.byStatus)));
        List<CriterionFigures> criterionFigures = new ArrayList<>();
        criteria.forEach((key, c) -> {
            String[] parts = key.split("\u0000");
            criterionFigures.add(new CriterionFigures(parts[0], parts[1], c.learners, c.met, c.verified, c.awaitingAssessment,
                    c.notStarted, share(c.met, c.learners), share(c.met + c.awaitingAssessment, c.learners)));
        });
        return new CohortSummary(centreId, cohortId, asOf, rows.size(), active, rows.size() - active, byRag, byStatus,
                average(percentMet, active), unitFigures, criterionFigures);
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> zeros = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            zeros.put(value, 0);
        }
        return zeros;
    }

    private static double average(double total, int count) {
        return count == 0 ? 0.0 : Math.round(total * 10.0 / count) / 10.0;
    }

    private static double share(int part, int total) {
        return total == 0 ? 0.0 : Math.round(part * 1000.0 / total) / 10.0;
    }
}
