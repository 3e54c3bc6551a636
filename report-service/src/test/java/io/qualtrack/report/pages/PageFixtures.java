package io.qualtrack.report.pages;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitDefinition.CriterionDefinition;
import io.qualtrack.contract.content.UnitDefinition.LearningOutcomeDefinition;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.CriterionProgress.Decision;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.testsupport.TestCaller;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small cohort for the page tests, worded like the real catalogue: two units, six criteria, and
 * learners ahead, on track, asked for more evidence, behind, inactive, waiting for assessment and
 * withdrawn, with their decisions spread over the months before the tests' fixed day.
 */
final class PageFixtures {

    static final String CENTRE = "C-PAGES";
    static final String COHORT = "PAGES-2026-JAN";
    static final LocalDate START = Snapshots.START.plusDays(4);
    static final LocalDate PLANNED_END = Snapshots.END;

    /** Who signs in to the pages: the centre's manager, and one of its learners (names as an ID token carries them). */
    static final TestCaller MANAGER = new TestCaller("pat.manager", Map.of("roles", List.of("centre-staff"),
            "centres", List.of(CENTRE), "name", "Pat Manager"));
    static final TestCaller LEARNER = new TestCaller("learner.p003", Map.of("roles", List.of("learner"),
            "learner_id", "P-003", "centres", List.of(CENTRE), "name", "Priya Learner"));

    static final UnitDefinition STRATEGY = new UnitDefinition("SELM7-01", 1, "Leading the School Strategically", "",
            List.of(new LearningOutcomeDefinition("LO1", "Understand the relationship between strategic management and leadership", List.of(
                            new CriterionDefinition("1.1", "Critically analyse how strategic leadership differs from strategic management"),
                            new CriterionDefinition("1.2", "Evaluate the impact of strategic leadership on school improvement"))),
                    new LearningOutcomeDefinition("LO2", "Be able to plan strategically", List.of(
                            new CriterionDefinition("2.1", "Formulate a strategic plan aligned with the school's long-term objectives")))),
            List.of("Ground every claim in evidence from your own setting", "Use a recognised strategic planning model and say why"),
            List.of("Describing strategy instead of analysing it", "Listing policies without showing their impact"), List.of(), List.of());

    static final QualificationDefinition QUALIFICATION = new QualificationDefinition("SELM7-DIP-HP", 1,
            "Level 7 Diploma in Strategic Educational Leadership", 7, List.of("SELM7-01", "SELM7-03"));

    static final UnitDefinition QUALITY = new UnitDefinition("SELM7-03", 1, "Leading the Quality of Teaching, Learning and Assessment", "",
            List.of(new LearningOutcomeDefinition("LO1", "Understand how to lead a culture of quality improvement", List.of(
                            new CriterionDefinition("1.1", "Critically evaluate whole-school quality assurance processes"))),
                    new LearningOutcomeDefinition("LO2", "Be able to monitor the quality of teaching", List.of(
                            new CriterionDefinition("2.1", "Design a monitoring schedule for teaching and learning"),
                            new CriterionDefinition("2.2", "Assess the impact of staff development on pupil outcomes")))),
            List.of("Triangulate lesson observations with pupil outcomes"), List.of("Confusing monitoring with evaluation"), List.of(), List.of());

    private PageFixtures() {
    }

    /** Ahead, on track, asked for more evidence, behind, inactive, waiting for assessment, withdrawn, all verified early. */
    static List<EnrolmentProgressChanged> cohort() {
        return List.of(
                learner("P-001", "MMMMME", 15, 36, 57, 92, 131, 147),
                learner("P-002", "MME-M-", 27, 70, 99, 118),
                learner("P-003", "MMR---", 46, 86, 139),
                learner("P-004", "M-----", 56),
                learner("P-005", "------"),
                learner("P-006", "MEEEEE", 40, 120, 125, 130, 133, 136),
                withdrawn(learner("P-007", "M-----", 30), 88),
                learner("P-008", "VVVM--", 20, 41, 62, 140));
    }

    /** A learner who joins after the page is open, for the live refresh. */
    static EnrolmentProgressChanged latecomer() {
        return learner("P-009", "MM----", 140, 148);
    }

    /**
     * States of SELM7-01 1.1, 1.2, 2.1 and SELM7-03 1.1, 2.1, 2.2: M met, V verified, E evidence
     * submitted, R asked for more evidence, - not started; {@code days} after the start, one per
     * criterion not marked '-', is when it was decided (or evidenced).
     */
    static EnrolmentProgressChanged learner(String id, String states, int... days) {
        List<CriterionProgress> criteria = new ArrayList<>();
        String[][] codes = {{"1.1", "1.2", "2.1"}, {"1.1", "2.1", "2.2"}};
        UnitDefinition[] units = {STRATEGY, QUALITY};
        Instant last = at(0);
        int decided = 0;
        for (int i = 0; i < states.length(); i++) {
            UnitDefinition unit = units[i / 3];
            String code = codes[i / 3][i % 3];
            char state = states.charAt(i);
            Instant when = state == '-' ? null : at(days[decided++]);
            if (when != null && when.isAfter(last)) {
                last = when;
            }
            criteria.add(criterion(code, text(unit, code), state, when));
        }
        List<UnitProgress> progress = List.of(unit(STRATEGY, criteria.subList(0, 3)), unit(QUALITY, criteria.subList(3, 6)));
        var enrolment = new EnrolmentProgress(id, "SELM7-DIP-HP", "Level 7 Diploma in Strategic Educational Leadership", CENTRE,
                COHORT, START, PLANNED_END, EnrolmentStatus.ACTIVE, at(0), null, last, Snapshots.summary(criteria), progress);
        // published as progress-service publishes: without the catalogue's words, which the pages take from their replica
        return new EnrolmentProgressChanged(UUID.nameUUIDFromBytes(id.getBytes()), last, 1, id, enrolment.qualificationCode(), 1,
                enrolment.withoutTexts());
    }

    private static EnrolmentProgressChanged withdrawn(EnrolmentProgressChanged change, int day) {
        var p = change.progress();
        var withdrawn = new EnrolmentProgress(p.learnerId(), p.qualificationCode(), p.qualificationTitle(), p.centreId(), p.cohortId(),
                p.startDate(), p.plannedEndDate(), EnrolmentStatus.WITHDRAWN, p.enrolledAt(), at(day), at(day), p.summary(), p.units());
        return new EnrolmentProgressChanged(change.eventId(), at(day), 1, p.learnerId(), p.qualificationCode(), 2, withdrawn);
    }

    private static UnitProgress unit(UnitDefinition unit, List<CriterionProgress> criteria) {
        List<LearningOutcomeProgress> outcomes = new ArrayList<>();
        int from = 0;
        for (LearningOutcomeDefinition lo : unit.learningOutcomes()) {
            List<CriterionProgress> own = criteria.subList(from, from + lo.criteria().size());
            outcomes.add(new LearningOutcomeProgress(lo.code(), lo.text(), Snapshots.summary(own), own));
            from += lo.criteria().size();
        }
        return new UnitProgress(unit.code(), unit.version(), unit.title(), Snapshots.summary(criteria), outcomes);
    }

    private static CriterionProgress criterion(String code, String text, char state, @Nullable Instant when) {
        CriterionStatus status = switch (state) {
            case 'M' -> CriterionStatus.MET;
            case 'V' -> CriterionStatus.VERIFIED;
            case 'E', 'R' -> CriterionStatus.EVIDENCE_SUBMITTED;
            default -> CriterionStatus.NOT_STARTED;
        };
        List<String> evidence = when == null ? List.of() : List.of("EV-" + code.replace(".", "") + "-portfolio");
        Instant evidenced = when == null ? null : when.minusSeconds(7 * 86_400);
        Decision assessment = switch (state) {
            case 'M', 'V' -> new Decision("MET", "A. Assessor", when);
            case 'R' -> new Decision("NOT_YET_MET", "A. Assessor", when);
            default -> null;
        };
        Decision verification = state == 'V' ? new Decision("VERIFIED", "I. Verifier", when.plusSeconds(5 * 86_400)) : null;
        // a criterion judged not yet met was evidenced again: more submissions than distinct references
        int submissions = state == 'R' ? 3 : evidence.size();
        return new CriterionProgress(code, text, status, evidence, submissions, evidenced, assessment, verification);
    }

    private static String text(UnitDefinition unit, String code) {
        return unit.learningOutcomes().stream().flatMap(lo -> lo.criteria().stream())
                .filter(c -> c.code().equals(code)).findFirst().orElseThrow().text();
    }

    private static Instant at(int daysAfterStart) {
        return START.plusDays(daysAfterStart).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}
