package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.report.ontrack.OnTrackRules;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One enrolment as cohort views need it: the qualification and unit figures and each criterion's
 * status, without texts, evidence or decisions (those stay in the full snapshot).
 */
public record EnrolmentRow(String learnerId, String qualificationCode, String qualificationTitle, String centreId,
                           String cohortId, EnrolmentStatus status, LocalDate startDate, LocalDate plannedEndDate,
                           Instant lastActivityAt, @Nullable Instant withdrawnAt, ProgressSummary summary,
                           List<UnitCell> units) {

    public record UnitCell(String unitCode, String title, double percentMet, ProgressStatus status,
                           List<CriterionCell> criteria) {
    }

    public record CriterionCell(String code, CriterionStatus status) {
    }

    public static EnrolmentRow of(EnrolmentProgress progress) {
        return new EnrolmentRow(progress.learnerId(), progress.qualificationCode(), progress.qualificationTitle(),
                progress.centreId(), progress.cohortId(), progress.status(), progress.startDate(), progress.plannedEndDate(),
                progress.lastActivityAt(), progress.withdrawnAt(), progress.summary(),
                progress.units().stream().map(unit -> new UnitCell(unit.unitCode(), unit.title(), unit.summary().percentMet(),
                        unit.summary().status(), unit.learningOutcomes().stream().flatMap(lo -> lo.criteria().stream())
                        .map(c -> new CriterionCell(c.code(), c.status())).toList())).toList());
    }

    public OnTrackRules.Enrolment onTrackFacts() {
        return new OnTrackRules.Enrolment(status, startDate, plannedEndDate, lastActivityAt, withdrawnAt, summary);
    }
}
