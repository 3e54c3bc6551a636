package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.replica.CatalogueView;
import io.qualtrack.replica.ProgressTexts;
import io.qualtrack.report.ontrack.OnTrackRules;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One enrolment as cohort views need it: the qualification and unit figures and each criterion's
 * status, without texts, evidence or decisions (those stay in the full snapshot). The titles are the
 * catalogue's ({@link #withTitles}): the progress topic carries none.
 */
public record EnrolmentRow(String learnerId, String qualificationCode, @Nullable String qualificationTitle, String centreId,
                           String cohortId, EnrolmentStatus status, LocalDate startDate, LocalDate plannedEndDate,
                           Instant lastActivityAt, @Nullable Instant withdrawnAt, ProgressSummary summary,
                           List<UnitCell> units) {

    public record UnitCell(String unitCode, @Nullable String title, double percentMet, ProgressStatus status,
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

    /**
     * This row with the catalogue's titles, each unit's in its latest version (as the cohort pages name the units);
     * where the catalogue does not know one (yet), the stored title or the code.
     */
    public EnrolmentRow withTitles(CatalogueView catalogue) {
        return new EnrolmentRow(learnerId, qualificationCode, ProgressTexts.qualificationTitle(catalogue, qualificationCode, qualificationTitle),
                centreId, cohortId, status, startDate, plannedEndDate, lastActivityAt, withdrawnAt, summary, units.stream().map(unit -> {
                    OptionalInt latest = catalogue.latestVersion(unit.unitCode());
                    Optional<UnitDefinition> definition = latest.isPresent() ? catalogue.unit(unit.unitCode(), latest.getAsInt()) : Optional.empty();
                    return new UnitCell(unit.unitCode(), ProgressTexts.unitTitle(definition, unit.unitCode(), unit.title()),
                            unit.percentMet(), unit.status(), unit.criteria());
                }).toList());
    }

    public OnTrackRules.Enrolment onTrackFacts() {
        return new OnTrackRules.Enrolment(status, startDate, plannedEndDate, lastActivityAt, withdrawnAt, summary);
    }
}
