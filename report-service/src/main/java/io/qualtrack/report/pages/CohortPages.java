package io.qualtrack.report.pages;

import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.replica.CatalogueView;
import io.qualtrack.report.cohort.AssessedRow;
import io.qualtrack.report.cohort.CohortQueries;
import io.qualtrack.report.cohort.CohortSummary;
import io.qualtrack.report.cohort.LearnerListing;
import io.qualtrack.report.ontrack.Rag;
import io.qualtrack.report.trend.CohortDayStore;
import io.qualtrack.report.trend.CohortTrend;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Puts the cohort page together from the cohort's rows, its daily snapshots and the catalogue. */
@Service
class CohortPages {

    private final CohortQueries cohorts;
    private final CohortDayStore days;
    private final CatalogueView catalogue;

    CohortPages(CohortQueries cohorts, CohortDayStore days, CatalogueView catalogue) {
        this.cohorts = cohorts;
        this.days = days;
        this.catalogue = catalogue;
    }

    CohortPage page(String centreId, String cohortId, GridQuery query) {
        // parse first: a bad filter is the reader's mistake, answered before any work
        LearnerListing.Filter filter = query.filter();
        var order = query.order();
        CohortQueries.CohortDetail detail = cohorts.detail(centreId, cohortId);
        CohortSummary summary = detail.summary();
        List<AssessedRow> active = detail.rows().stream().filter(r -> r.onTrack().rag() != Rag.WITHDRAWN).toList();
        List<AssessedRow> shown = LearnerListing.list(detail.rows(), filter, order, 0, Math.max(1, detail.rows().size())).items();
        List<CohortTrend.Plan> plans = active.stream().map(r -> new CohortTrend.Plan(r.row().startDate(), r.row().plannedEndDate())).toList();
        TrendChart trend = TrendChart.of(CohortTrend.series(days.days(centreId, cohortId), plans, summary.asOf()));
        double expected = active.stream().mapToDouble(r -> r.onTrack().expectedPercent()).average().orElse(0);
        return new CohortPage(centreId, cohortId, summary.asOf(), summary.learners(), summary.active(), summary.withdrawn(),
                summary.averagePercentMet(), Math.round(expected * 10) / 10.0,
                Arrays.stream(Rag.values()).map(rag -> new CohortPage.RagCount(rag, Wording.rag(rag),
                        rag.name().toLowerCase(java.util.Locale.ROOT), summary.byRag().getOrDefault(rag, 0))).toList(),
                units(summary), GridRow.of(shown), GridRow.of(CohortQueries.atRisk(detail.rows())),
                Heatmap.of(summary, this::latestUnit), trend, query, cohorts.version(centreId, cohortId));
    }

    /** The grid on screen, as CSV: the same filters and sort, every matching learner. */
    String csv(String centreId, String cohortId, GridQuery query) {
        LearnerListing.Filter filter = query.filter();
        List<AssessedRow> rows = cohorts.learners(centreId, cohortId);
        return io.qualtrack.report.web.CohortGridCsv.write(
                LearnerListing.list(rows, filter, query.order(), 0, Math.max(1, rows.size())).items());
    }

    String version(String centreId, String cohortId) {
        return cohorts.version(centreId, cohortId);
    }

    private List<CohortPage.UnitOption> units(CohortSummary summary) {
        return summary.units().stream().sorted(Comparator.comparing(CohortSummary.UnitFigures::unitCode))
                .map(u -> new CohortPage.UnitOption(u.unitCode(), latestUnit(u.unitCode()).map(UnitDefinition::title).orElse(u.title())))
                .toList();
    }

    private Optional<UnitDefinition> latestUnit(String code) {
        return catalogue.latestVersion(code).stream().boxed().findFirst().flatMap(version -> catalogue.unit(code, version));
    }
}
