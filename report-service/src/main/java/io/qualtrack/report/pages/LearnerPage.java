package io.qualtrack.report.pages;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.contract.progress.UnitProgress;
import io.qualtrack.report.dashboard.LearnerDashboards;
import io.qualtrack.report.dashboard.NextCriteria;
import io.qualtrack.report.ontrack.OnTrack;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A learner's page: per qualification, where they stand, what to evidence next, and every criterion. */
public record LearnerPage(String learnerId, List<Enrolment> enrolments, String version) {

    public record Enrolment(String qualificationCode, String qualificationTitle, String centreId, String cohortId,
                            LocalDate startDate, LocalDate plannedEndDate, boolean withdrawn, String ragText, String ragKey,
                            List<String> reasons, double expectedPercent, double actualPercent, long daysSinceLastActivity,
                            ProgressSummary summary, List<NextUnit> next, List<Unit> units) {
    }

    /** Criteria of one unit to evidence next, beside the unit's assessment guidance and common mistakes. */
    public record NextUnit(String unitCode, String unitTitle, List<NextCriteria.Next> criteria, List<String> guidance,
                           List<String> commonMistakes) {
    }

    public record Unit(String code, String title, int version, ProgressSummary summary, String statusText, String statusKey,
                       List<Outcome> outcomes) {
    }

    public record Outcome(String code, String text, ProgressSummary summary, List<Criterion> criteria) {
    }

    /** {@code submissions}: every submission of evidence, of which {@code evidence} are the latest distinct references. */
    public record Criterion(String code, String text, String statusText, String statusKey, List<String> evidence,
                            int submissions, @Nullable LocalDate firstEvidenceOn, @Nullable Decision assessment, @Nullable Decision verification) {
    }

    public record Decision(String outcomeText, String by, LocalDate on) {
    }

    /** The centres of the enrolments shown: more than one only for staff of several centres or operations. */
    public List<String> centres() {
        return enrolments.stream().map(Enrolment::centreId).distinct().sorted().toList();
    }

    static LearnerPage of(LearnerDashboards.Dashboard dashboard, String version) {
        return new LearnerPage(dashboard.learnerId(), dashboard.enrolments().stream().map(LearnerPage::enrolment).toList(), version);
    }

    private static Enrolment enrolment(LearnerDashboards.EnrolmentDashboard dashboard) {
        EnrolmentProgress progress = dashboard.progress();
        OnTrack onTrack = dashboard.onTrack();
        return new Enrolment(progress.qualificationCode(), progress.qualificationTitle(), progress.centreId(), progress.cohortId(),
                progress.startDate(), progress.plannedEndDate(), progress.status() == EnrolmentStatus.WITHDRAWN,
                Wording.rag(onTrack.rag()), onTrack.rag().name().toLowerCase(Locale.ROOT), onTrack.reasons(),
                onTrack.expectedPercent(), onTrack.actualPercent(), onTrack.daysSinceLastActivity(), progress.summary(),
                next(dashboard), progress.units().stream().map(LearnerPage::unit).toList());
    }

    private static List<NextUnit> next(LearnerDashboards.EnrolmentDashboard dashboard) {
        Map<String, List<NextCriteria.Next>> byUnit = new LinkedHashMap<>();
        dashboard.nextCriteria().forEach(n -> byUnit.computeIfAbsent(n.unitCode(), k -> new ArrayList<>()).add(n));
        List<NextUnit> next = new ArrayList<>();
        byUnit.forEach((code, criteria) -> {
            var advice = dashboard.advice().stream().filter(a -> a.unitCode().equals(code)).findFirst();
            next.add(new NextUnit(code, advice.map(LearnerDashboards.UnitAdvice::unitTitle).orElse(criteria.getFirst().unitTitle()),
                    criteria, advice.map(LearnerDashboards.UnitAdvice::assessmentGuidance).orElse(List.of()),
                    advice.map(LearnerDashboards.UnitAdvice::commonMistakes).orElse(List.of())));
        });
        return next;
    }

    private static Unit unit(UnitProgress unit) {
        return new Unit(unit.unitCode(), unit.title(), unit.unitVersion(), unit.summary(), Wording.progress(unit.summary().status()),
                unit.summary().status().name().toLowerCase(Locale.ROOT), unit.learningOutcomes().stream().map(LearnerPage::outcome).toList());
    }

    private static Outcome outcome(LearningOutcomeProgress lo) {
        return new Outcome(lo.code(), lo.text(), lo.summary(), lo.criteria().stream().map(LearnerPage::criterion).toList());
    }

    private static Criterion criterion(CriterionProgress c) {
        return new Criterion(c.code(), c.text(), Wording.criterion(c), Wording.criterionKey(c), c.evidenceRefs(), c.evidenceCount(), day(c.firstEvidenceAt()),
                decision(c.assessment(), "MET".equals(c.assessment() == null ? null : c.assessment().outcome()) ? "Met" : "Not yet met"),
                decision(c.verification(), "Verified"));
    }

    private static @Nullable Decision decision(CriterionProgress.@Nullable Decision decision, String words) {
        return decision == null ? null : new Decision(words, decision.by(), day(decision.at()));
    }

    private static @Nullable LocalDate day(@Nullable Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
