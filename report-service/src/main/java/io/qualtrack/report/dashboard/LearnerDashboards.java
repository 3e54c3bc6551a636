package io.qualtrack.report.dashboard;

import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.replica.CatalogueView;
import io.qualtrack.report.cohort.CohortDirectory;
import io.qualtrack.report.cohort.EnrolmentRow;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import io.qualtrack.report.cohort.NotFoundException;
import io.qualtrack.report.ontrack.OnTrack;
import io.qualtrack.report.ontrack.OnTrackRules;
import io.qualtrack.report.ontrack.OnTrackThresholds;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A learner's own view: each enrolment's progress, whether it is on track, and what to evidence next with the unit's advice. */
@Service
public class LearnerDashboards {

    static final int NEXT_CRITERIA = 5;

    private final CohortDirectory directory;
    private final EnrolmentViewStore views;
    private final CatalogueView catalogue;
    private final OnTrackRules rules;
    private final Clock clock;

    LearnerDashboards(CohortDirectory directory, EnrolmentViewStore views, CatalogueView catalogue,
                      OnTrackThresholds thresholds, Clock clock) {
        this.directory = directory;
        this.views = views;
        this.catalogue = catalogue;
        this.rules = new OnTrackRules(thresholds);
        this.clock = clock;
    }

    public record Dashboard(String learnerId, List<EnrolmentDashboard> enrolments) {
    }

    public record EnrolmentDashboard(String qualificationCode, String qualificationTitle, String centreId, String cohortId,
                                     OnTrack onTrack, List<NextCriteria.Next> nextCriteria, List<UnitAdvice> advice,
                                     EnrolmentProgress progress) {
    }

    /** The unit's assessment guidance and common mistakes, shown beside its criteria still to evidence. */
    public record UnitAdvice(String unitCode, String unitTitle, List<String> assessmentGuidance, List<String> commonMistakes) {
    }

    public Dashboard of(String learnerId) {
        List<EnrolmentProgress> snapshots = views.snapshots(directory.enrolmentsOf(learnerId));
        if (snapshots.isEmpty()) {
            throw new NotFoundException("no progress is known for learner " + learnerId);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new Dashboard(learnerId, snapshots.stream().map(progress -> {
            List<NextCriteria.Next> next = NextCriteria.pick(progress, NEXT_CRITERIA);
            return new EnrolmentDashboard(progress.qualificationCode(), progress.qualificationTitle(), progress.centreId(),
                    progress.cohortId(), rules.assess(EnrolmentRow.of(progress).onTrackFacts(), today), next, advice(next), progress);
        }).toList());
    }

    /** The centres the learner is (or was) enrolled at: none for a learner no progress is known for. */
    public Set<String> centresOf(String learnerId) {
        return views.rows(directory.enrolmentsOf(learnerId)).stream().map(EnrolmentRow::centreId).collect(Collectors.toSet());
    }

    /**
     * Changes whenever one of the learner's enrolments at a centre the reader may see gets a newer snapshot, or the day
     * changes; enrolments at other centres never move it, so it tells nothing about them.
     */
    public String version(String learnerId, Predicate<String> visibleCentre) {
        List<String> enrolments = views.rows(directory.enrolmentsOf(learnerId)).stream()
                .filter(row -> visibleCentre.test(row.centreId()))
                .map(row -> EnrolmentViewStore.idOf(row.learnerId(), row.qualificationCode())).toList();
        if (enrolments.isEmpty()) {
            throw new NotFoundException("no progress is known for learner " + learnerId);
        }
        return enrolments.size() + "-" + views.revisionTotal(enrolments) + "-" + LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private List<UnitAdvice> advice(List<NextCriteria.Next> next) {
        Map<String, UnitAdvice> byUnit = new LinkedHashMap<>();
        for (NextCriteria.Next n : next) {
            byUnit.computeIfAbsent(n.unitCode(), code -> catalogue.unit(code, n.unitVersion())
                    .map((UnitDefinition unit) -> new UnitAdvice(code, unit.title(), unit.assessmentGuidance(), unit.commonMistakes()))
                    .orElse(new UnitAdvice(code, n.unitTitle(), List.of(), List.of())));
        }
        return List.copyOf(byUnit.values());
    }
}
