package io.qualtrack.report.dashboard;

import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.replica.CatalogueView;
import io.qualtrack.report.cohort.CohortDirectory;
import io.qualtrack.report.cohort.EnrolmentRow;
import io.qualtrack.report.cohort.EnrolmentKey;
import io.qualtrack.report.cohort.EnrolmentViewStore;
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
import java.util.Optional;

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

    /**
     * The enrolments of {@code learnerId} that {@code readable} accepts; empty when it accepts none. The same id may be
     * different people's at different centres, so each enrolment is decided on its own, and each says its centre.
     */
    public Optional<Dashboard> of(String learnerId, Predicate<EnrolmentKey> readable) {
        List<EnrolmentProgress> snapshots = views.snapshots(readableEnrolments(learnerId, readable));
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return Optional.of(new Dashboard(learnerId, snapshots.stream().map(progress -> {
            List<NextCriteria.Next> next = NextCriteria.pick(progress, NEXT_CRITERIA);
            return new EnrolmentDashboard(progress.qualificationCode(), progress.qualificationTitle(), progress.centreId(),
                    progress.cohortId(), rules.assess(EnrolmentRow.of(progress).onTrackFacts(), today), next, advice(next), progress);
        }).toList()));
    }

    /**
     * Changes whenever one of the enrolments {@code readable} accepts gets a newer snapshot, or the day changes; other
     * enrolments never move it, so it tells nothing about them. Empty when it accepts none.
     */
    public Optional<String> version(String learnerId, Predicate<EnrolmentKey> readable) {
        List<String> enrolments = readableEnrolments(learnerId, readable);
        if (enrolments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(enrolments.size() + "-" + views.revisionTotal(enrolments) + "-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** Decided on the rows, which are small, before any full snapshot is read. */
    private List<String> readableEnrolments(String learnerId, Predicate<EnrolmentKey> readable) {
        return views.rows(directory.enrolmentsOf(learnerId)).stream().map(EnrolmentKey::of).filter(readable)
                .map(EnrolmentKey::value).toList();
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
