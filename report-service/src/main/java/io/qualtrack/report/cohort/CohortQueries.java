package io.qualtrack.report.cohort;

import io.qualtrack.report.ontrack.OnTrackRules;
import io.qualtrack.report.ontrack.OnTrackThresholds;
import io.qualtrack.report.ontrack.Rag;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Centres and cohorts as centre staff see them. Every answer is computed from the cohort's stored
 * rows (read by id) with today's on-track status, so a new snapshot shows at once and the RAG status
 * moves with the calendar even when nothing happens.
 */
@Service
public class CohortQueries {

    private final CohortDirectory directory;
    private final EnrolmentViewStore views;
    private final OnTrackRules rules;
    private final Clock clock;

    public CohortQueries(CohortDirectory directory, EnrolmentViewStore views, OnTrackThresholds thresholds, Clock clock) {
        this.directory = directory;
        this.views = views;
        this.rules = new OnTrackRules(thresholds);
        this.clock = clock;
    }

    /** {@code learners} counts people; {@code enrolments} and {@code byRag} count enrolments (a learner may have two). */
    public record CentreOverview(String centreId, int cohorts, int learners, int enrolments, Map<Rag, Integer> byRag) {
    }

    public record CohortOverview(String cohortId, int learners, Map<Rag, Integer> byRag, double averagePercentMet) {
    }

    /** A cohort's summary and its assessed rows, read once. */
    public record CohortDetail(CohortSummary summary, List<AssessedRow> rows) {
    }

    /** Amber before green, red before amber; then the furthest behind expected; then by learner. */
    public static final Comparator<AssessedRow> WORST_FIRST = Comparator.comparing((AssessedRow r) -> r.onTrack().rag()).reversed()
            .thenComparing(r -> r.onTrack().actualPercent() - r.onTrack().expectedPercent())
            .thenComparing(r -> r.row().learnerId());

    /** The centres {@code shown} accepts (the caller's), each computed only when shown. */
    public List<CentreOverview> centres(Predicate<String> shown) {
        List<CentreOverview> centres = new ArrayList<>();
        directory.byCentre().forEach((centreId, cohorts) -> {
            if (!shown.test(centreId)) {
                return;
            }
            List<AssessedRow> rows = assess(cohorts);
            CohortSummary all = CohortSummaries.summarise(centreId, "*", rows, today());
            int people = (int) rows.stream().map(r -> r.row().learnerId()).distinct().count();
            centres.add(new CentreOverview(centreId, cohorts.size(), people, all.learners(), all.byRag()));
        });
        return centres;
    }

    public List<CohortOverview> cohorts(String centreId) {
        List<CohortDirectory.Cohort> cohorts = knownCentre(centreId);
        return cohorts.stream().map(cohort -> {
            CohortSummary summary = summary(cohort);
            return new CohortOverview(cohort.cohortId(), summary.learners(), summary.byRag(), summary.averagePercentMet());
        }).toList();
    }

    public CohortSummary summary(String centreId, String cohortId) {
        return summary(knownCohort(centreId, cohortId));
    }

    public List<AssessedRow> learners(String centreId, String cohortId) {
        return assess(List.of(knownCohort(centreId, cohortId)));
    }

    public CohortDetail detail(String centreId, String cohortId) {
        List<AssessedRow> rows = learners(centreId, cohortId);
        return new CohortDetail(CohortSummaries.summarise(centreId, cohortId, rows, today()), rows);
    }

    /**
     * Changes whenever a snapshot of one of the cohort's enrolments is stored or the day changes (RAG
     * moves with the calendar): what a page polls to know it is out of date.
     */
    public String version(String centreId, String cohortId) {
        CohortDirectory.Cohort cohort = knownCohort(centreId, cohortId);
        return cohort.members().size() + "-" + views.revisionTotal(cohort.members()) + "-" + today();
    }

    /** Active learners of the centre who are amber or red, the worst first. */
    public List<AssessedRow> atRisk(String centreId) {
        return atRisk(assess(knownCentre(centreId)));
    }

    /** Of these rows, the amber and red ones, the worst first. */
    public static List<AssessedRow> atRisk(List<AssessedRow> rows) {
        return rows.stream().filter(r -> r.onTrack().rag() == Rag.RED || r.onTrack().rag() == Rag.AMBER)
                .sorted(WORST_FIRST).toList();
    }

    private CohortSummary summary(CohortDirectory.Cohort cohort) {
        return CohortSummaries.summarise(cohort.centreId(), cohort.cohortId(), assess(List.of(cohort)), today());
    }

    private List<AssessedRow> assess(List<CohortDirectory.Cohort> cohorts) {
        LocalDate today = today();
        List<String> ids = cohorts.stream().flatMap(c -> c.members().stream()).toList();
        return views.rows(ids).stream()
                .filter(row -> cohorts.stream().anyMatch(c -> c.centreId().equals(row.centreId()) && c.cohortId().equals(row.cohortId())))
                .sorted(Comparator.comparing(EnrolmentRow::learnerId).thenComparing(EnrolmentRow::qualificationCode))
                .map(row -> new AssessedRow(row, rules.assess(row.onTrackFacts(), today)))
                .toList();
    }

    private List<CohortDirectory.Cohort> knownCentre(String centreId) {
        List<CohortDirectory.Cohort> cohorts = directory.cohortsOf(centreId);
        if (cohorts.isEmpty()) {
            throw new NotFoundException("no centre " + centreId + " is known");
        }
        return cohorts;
    }

    private CohortDirectory.Cohort knownCohort(String centreId, String cohortId) {
        return directory.cohort(centreId, cohortId)
                .orElseThrow(() -> new NotFoundException("centre " + centreId + " has no cohort " + cohortId));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
