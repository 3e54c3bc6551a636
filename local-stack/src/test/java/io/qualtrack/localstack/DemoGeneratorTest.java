package io.qualtrack.localstack;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** The seed catalogue's shape, with SELM7-02 at version 2 (one criterion more than version 1 had). */
    static final CatalogueSnapshot CATALOGUE = new CatalogueSnapshot(
            List.of(new CatalogueSnapshot.Unit("SELM7-01", 1, List.of("1.1", "2.1", "3.1", "4.1")),
                    new CatalogueSnapshot.Unit("SELM7-02", 2, List.of("1.1", "2.1", "3.1", "4.1", "4.2", "4.3")),
                    new CatalogueSnapshot.Unit("SELM7-03", 1, List.of("1.1", "2.1", "3.1", "4.1")),
                    new CatalogueSnapshot.Unit("SELM7-04", 1, List.of("1.1", "2.1", "2.2", "2.3")),
                    new CatalogueSnapshot.Unit("SELM7-05", 1,
                            List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3"))),
            List.of(new CatalogueSnapshot.Qualification("SELM7-DIP-HP", "Diploma HP",
                            List.of("SELM7-01", "SELM7-02", "SELM7-03", "SELM7-05")),
                    new CatalogueSnapshot.Qualification("SELM7-DIP-SM", "Diploma SM",
                            List.of("SELM7-01", "SELM7-02", "SELM7-04", "SELM7-05")),
                    new CatalogueSnapshot.Qualification("SELM7-EXT-DIP", "Extended Diploma",
                            List.of("SELM7-01", "SELM7-02", "SELM7-04", "SELM7-05")),
                    new CatalogueSnapshot.Qualification("SELM7-CERT", "Certificate", List.of("SELM7-04")),
                    new CatalogueSnapshot.Qualification("LQTLA7-CERT", "Certificate LQTLA", List.of("SELM7-05"))));

    final DemoGenerator generator = new DemoGenerator(CATALOGUE);
    final Demo demo = generator.generate(42, TODAY);

    @Test
    void aboutOneHundredFiftyLearnersInTwoCentresAndThreeCohorts() {
        assertThat(demo.learners()).hasSizeBetween(140, 160);
        assertThat(demo.learnersPerCentre()).containsOnlyKeys("C-NORTH", "C-SOUTH");
        assertThat(demo.cohorts()).hasSize(3);
        assertThat(demo.cohorts()).extracting(DemoCohort::cohortId).doesNotHaveDuplicates();
        assertThat(demo.learners()).extracting(DemoLearner::learnerId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("L-\\d{5}"));
        demo.cohorts().forEach(cohort -> assertThat(demo.learnersIn(cohort)).isEqualTo(cohort.size()));
        assertThat(demo.cohorts().stream().mapToLong(demo::learnersIn).sum()).isEqualTo(demo.learners().size());
    }

    @Test
    void everyLearnerIsEnrolledExactlyOnceAsPlanned() {
        Map<String, List<LearnerEnrolled>> enrolments = demo.activities().stream()
                .filter(LearnerEnrolled.class::isInstance).map(LearnerEnrolled.class::cast)
                .collect(Collectors.groupingBy(LearnerActivityEvent::learnerId));
        assertThat(enrolments).hasSize(demo.learners().size());
        for (DemoLearner learner : demo.learners()) {
            assertThat(enrolments.get(learner.learnerId())).singleElement().satisfies(enrolled -> {
                assertThat(enrolled.centreId()).isEqualTo(learner.centreId());
                assertThat(enrolled.cohortId()).isEqualTo(learner.cohortId());
                assertThat(enrolled.qualificationCode()).isEqualTo(learner.qualificationCode());
                assertThat(enrolled.startDate()).isEqualTo(learner.startDate());
            });
            assertThat(learner.startDate()).isBefore(TODAY.minusMonths(2));
            assertThat(learner.plannedEndDate()).isBetween(learner.startDate().plusMonths(9),
                    learner.startDate().plusMonths(18));
        }
        // every activity belongs to a learner of the demo, with the learner's centre and qualification
        Map<String, DemoLearner> learners = demo.learners().stream()
                .collect(Collectors.toMap(DemoLearner::learnerId, Function.identity()));
        assertThat(demo.activities()).allSatisfy(activity -> {
            DemoLearner learner = learners.get(activity.learnerId());
            assertThat(learner).isNotNull();
            assertThat(activity.centreId()).isEqualTo(learner.centreId());
            assertThat(activity.qualificationCode()).isEqualTo(learner.qualificationCode());
        });
    }

    @Test
    void mostlyDiplomasSomeCertificates() {
        Map<String, Long> perQualification = demo.learners().stream()
                .collect(Collectors.groupingBy(DemoLearner::qualificationCode, Collectors.counting()));
        assertThat(perQualification).containsKeys("SELM7-DIP-HP", "SELM7-DIP-SM", "SELM7-EXT-DIP");
        long certificates = perQualification.getOrDefault("SELM7-CERT", 0L) + perQualification.getOrDefault("LQTLA7-CERT", 0L);
        assertThat(certificates).isPositive().isLessThan(demo.learners().size() / 3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void everyEventNamesExistingCriteriaOfTheGivenUnitVersionsInTheLearnersQualification(long seed) {
        Demo other = generator.generate(seed, TODAY);
        Map<String, CatalogueSnapshot.Qualification> qualifications = CATALOGUE.qualificationsByCode();
        for (LearnerActivityEvent activity : other.activities()) {
            if (OnUnit.of(activity) instanceof OnUnit onUnit) {
                CatalogueSnapshot.Unit unit = CATALOGUE.unit(onUnit.unitCode()).orElseThrow();
                assertThat(onUnit.unitVersion()).as("version of %s", unit.code()).isEqualTo(unit.version());
                assertThat(unit.criterionCodes()).as("criteria of %s", activity).containsAll(onUnit.criterionCodes());
                assertThat(onUnit.criterionCodes()).isNotEmpty().doesNotHaveDuplicates();
                assertThat(qualifications.get(activity.qualificationCode()).unitCodes()).contains(unit.code());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 40, 71, 98, 130, 160, 201, 250, 300, 340})
    void activityIsInThePastAndInASensibleOrderOnAnyDay(int dayOfYear) {
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(dayOfYear);
        Demo other = generator.generate(7, today);
        Instant startOfToday = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(other.activities()).allSatisfy(a -> assertThat(a.occurredAt()).isBefore(startOfToday));
        assertThat(other.activities()).extracting(LearnerActivityEvent::eventId).doesNotHaveDuplicates();
        byLearner(other).forEach((learnerId, activities) -> assertSensibleOrder(activities));
        assertBehavioursShow(other, today);
    }

    @Test
    void nothingIsInTheFutureToday() {
        Demo now = generator.generate(42, LocalDate.now(ZoneOffset.UTC));
        Instant current = Instant.now();
        assertThat(now.activities()).allSatisfy(a -> assertThat(a.occurredAt()).isBefore(current));
    }

    @Test
    void everyBehaviourIsInEveryCohortAndAFewWithdraw() {
        for (DemoCohort cohort : demo.cohorts()) {
            assertThat(demo.learnersPerBehaviour(cohort)).as(cohort.cohortId()).containsOnlyKeys(Behaviour.values());
        }
        assertThat(demo.learners().stream().filter(DemoLearner::withdraws).count()).isBetween(3L, 8L);
        assertThat(demo.activities()).filteredOn(LearnerWithdrawn.class::isInstance)
                .hasSize((int) demo.learners().stream().filter(DemoLearner::withdraws).count());
        assertBehavioursShow(demo, TODAY);
    }

    @Test
    void someAssessmentsAreNotYetMetAndSomeMetCriteriaAreVerified() {
        var assessments = demo.activities().stream().filter(CriterionAssessed.class::isInstance)
                .map(CriterionAssessed.class::cast).toList();
        assertThat(assessments).anyMatch(a -> a.outcome() != AssessmentOutcome.MET);
        assertThat(assessments.stream().filter(a -> a.outcome() != AssessmentOutcome.MET).count()).isLessThan(assessments.size() / 4);
        long verified = demo.activities().stream().filter(CriterionVerified.class::isInstance).count();
        assertThat(verified).isPositive().isLessThan(assessments.size());
        assertThat(demo.activities()).filteredOn(EvidenceSubmitted.class::isInstance)
                .anyMatch(e -> ((EvidenceSubmitted) e).criterionCodes().size() > 1);
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        Demo again = new DemoGenerator(CATALOGUE).generate(42, TODAY);
        assertThat(again.activities()).isEqualTo(demo.activities());
        assertThat(again.learners()).isEqualTo(demo.learners());
        Demo other = generator.generate(43, TODAY);
        assertThat(other.activities()).extracting(LearnerActivityEvent::eventId)
                .doesNotContainAnyElementsOf(demo.activities().stream().map(LearnerActivityEvent::eventId).toList());
    }

    @Test
    void theJsonIsWhatTheIngestApiTakes() {
        var evidence = demo.activities().stream().filter(EvidenceSubmitted.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(ActivitySender.asJson(evidence)).containsOnlyKeys("type", "eventId", "occurredAt", "schemaVersion", "learnerId",
                        "centreId", "qualificationCode", "unitCode", "unitVersion", "evidenceRef", "criterionCodes")
                .containsEntry("type", "EvidenceSubmitted").containsEntry("schemaVersion", 1);
        var enrolled = demo.activities().stream().filter(LearnerEnrolled.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(ActivitySender.asJson(enrolled)).containsEntry("type", "LearnerEnrolled")
                .containsKeys("cohortId", "startDate", "plannedEndDate");
        assertThat((String) ActivitySender.asJson(enrolled).get("occurredAt")).endsWith("Z");
        var assessed = demo.activities().stream().filter(CriterionAssessed.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(ActivitySender.asJson(assessed)).containsKeys("criterionCode", "outcome", "assessorId", "evidenceRef")
                .doesNotContainKey("criterionCodes");
    }

    @Test
    void expectedCountsAddUp() {
        Map<String, Object> expected = DemoExpectation.of(demo);
        assertThat(expected).containsEntry("learners", demo.learners().size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cohorts = (List<Map<String, Object>>) expected.get("cohorts");
        assertThat(cohorts).hasSize(3);
        assertThat(cohorts.stream().mapToLong(c -> (Long) c.get("learners")).sum()).isEqualTo(demo.learners().size());
    }

    private static Map<String, List<LearnerActivityEvent>> byLearner(Demo demo) {
        Map<String, List<LearnerActivityEvent>> byLearner = new HashMap<>();
        demo.activities().forEach(a -> byLearner.computeIfAbsent(a.learnerId(), id -> new ArrayList<>()).add(a));
        return byLearner;
    }

    /** Enrolment first, withdrawal last; per criterion evidence before a decision, MET before verification. */
    private static void assertSensibleOrder(List<LearnerActivityEvent> activities) {
        assertThat(activities).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        assertThat(activities.getFirst()).isInstanceOf(LearnerEnrolled.class);
        Map<String, String> state = new HashMap<>();
        for (LearnerActivityEvent activity : activities) {
            switch (activity) {
                case LearnerEnrolled e -> {
                }
                case EvidenceSubmitted e -> e.criterionCodes()
                        .forEach(c -> state.put(e.unitCode() + "/" + c, "EVIDENCE"));
                case CriterionAssessed a -> {
                    String key = a.unitCode() + "/" + a.criterionCode();
                    assertThat(state.get(key)).as("evidence before assessing %s", key).isEqualTo("EVIDENCE");
                    state.put(key, a.outcome().name());
                }
                case CriterionVerified v -> {
                    String key = v.unitCode() + "/" + v.criterionCode();
                    assertThat(state.get(key)).as("met before verifying %s", key).isEqualTo("MET");
                    state.put(key, "VERIFIED");
                }
                case LearnerWithdrawn w ->
                        assertThat(activities.getLast()).as("withdrawal is the last activity").isSameAs(w);
            }
        }
        assertThat(state.values()).as("no criterion is left NOT_YET_MET without re-evidence").doesNotContain("NOT_YET_MET");
    }

    /** What each behaviour must look like on the dashboards. */
    private static void assertBehavioursShow(Demo demo, LocalDate today) {
        Map<String, List<LearnerActivityEvent>> byLearner = byLearner(demo);
        Set<Behaviour> seen = new HashSet<>();
        for (DemoLearner learner : demo.learners()) {
            List<LearnerActivityEvent> activities = byLearner.get(learner.learnerId());
            LocalDate lastDay = LocalDate.ofInstant(activities.getLast().occurredAt(), ZoneOffset.UTC);
            long awaiting = awaitingAssessment(activities);
            switch (learner.behaviour()) {
                case INACTIVE -> assertThat(ChronoUnit.DAYS.between(lastDay, today))
                        .as("%s inactive for six weeks or more", learner.learnerId()).isGreaterThanOrEqualTo(42);
                case ASSESSMENT_BACKLOG -> assertThat(awaiting)
                        .as("%s has a backlog awaiting assessment", learner.learnerId()).isGreaterThanOrEqualTo(3);
                case AHEAD, ON_TRACK -> assertThat(ChronoUnit.DAYS.between(lastDay, today)).isLessThan(14);
                default -> {
                }
            }
            seen.add(learner.behaviour());
        }
        assertThat(seen).containsExactlyInAnyOrder(Behaviour.values());
        // ahead learners have met a larger share of their criteria than those well behind, on average
        assertThat(averageShareMet(demo, byLearner, Behaviour.AHEAD))
                .isGreaterThan(averageShareMet(demo, byLearner, Behaviour.ON_TRACK))
                .isGreaterThan(averageShareMet(demo, byLearner, Behaviour.SOMEWHAT_BEHIND));
        assertThat(averageShareMet(demo, byLearner, Behaviour.SOMEWHAT_BEHIND))
                .isGreaterThan(averageShareMet(demo, byLearner, Behaviour.WELL_BEHIND));
    }

    private static long awaitingAssessment(List<LearnerActivityEvent> activities) {
        Set<String> evidenced = new HashSet<>();
        activities.forEach(a -> {
            if (a instanceof EvidenceSubmitted e) {
                e.criterionCodes().forEach(c -> evidenced.add(e.unitCode() + "/" + c));
            } else if (a instanceof CriterionAssessed assessed) {
                evidenced.remove(assessed.unitCode() + "/" + assessed.criterionCode());
            }
        });
        return evidenced.size();
    }

    private static double averageShareMet(Demo demo, Map<String, List<LearnerActivityEvent>> byLearner, Behaviour behaviour) {
        return demo.learners().stream().filter(l -> l.behaviour() == behaviour && !l.withdraws())
                .mapToDouble(l -> {
                    long met = byLearner.get(l.learnerId()).stream()
                            .filter(a -> a instanceof CriterionAssessed assessed && assessed.outcome() == AssessmentOutcome.MET).count();
                    int total = CATALOGUE.unitsOf(CATALOGUE.qualificationsByCode().get(l.qualificationCode())).stream()
                            .mapToInt(u -> u.criterionCodes().size()).sum();
                    double elapsed = (double) ChronoUnit.DAYS.between(l.startDate(), demo.generatedFor())
                            / ChronoUnit.DAYS.between(l.startDate(), l.plannedEndDate());
                    return met / (double) total / elapsed;
                }).average().orElseThrow();
    }

    /** The unit and criteria an event is about, for the events that are about one. */
    record OnUnit(String unitCode, int unitVersion, List<String> criterionCodes) {

        static OnUnit of(LearnerActivityEvent event) {
            return switch (event) {
                case EvidenceSubmitted e -> new OnUnit(e.unitCode(), e.unitVersion(), e.criterionCodes());
                case CriterionAssessed a -> new OnUnit(a.unitCode(), a.unitVersion(), List.of(a.criterionCode()));
                case CriterionVerified v -> new OnUnit(v.unitCode(), v.unitVersion(), List.of(v.criterionCode()));
                case LearnerEnrolled e -> null;
                case LearnerWithdrawn w -> null;
            };
        }
    }
}
