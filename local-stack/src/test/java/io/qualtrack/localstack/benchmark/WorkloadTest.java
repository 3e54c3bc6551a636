package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.activity.ActivityRecords;
import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.contract.values.TimeRange;
import io.qualtrack.localstack.TestCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void centresCohortsAndLearnersAsAsked() {
        Workload workload = Workload.generate(TestCatalogues.SEED_SHAPE, "T", 3, 2, 20, 7, TODAY);

        assertThat(workload.cohorts()).hasSize(6);
        assertThat(workload.cohorts().stream().map(c -> c.centreId()).distinct()).containsExactly("C-T001", "C-T002", "C-T003");
        assertThat(workload.learners()).isEqualTo(120);
        assertThat(workload.deliveries().stream().map(LearnerActivityEvent::learnerId).distinct()).hasSize(120)
                .allMatch(id -> id.startsWith("T-"));
    }

    @Test
    void someEventsArriveLateAndSomeTwice() {
        Workload workload = Workload.generate(TestCatalogues.SEED_SHAPE, "T", 2, 2, 25, 7, TODAY);
        List<LearnerActivityEvent> deliveries = workload.deliveries();
        Set<UUID> distinct = deliveries.stream().map(LearnerActivityEvent::eventId).collect(Collectors.toSet());

        assertThat(deliveries.size() - distinct.size()).as("sent twice").isEqualTo(workload.duplicates()).isPositive();
        assertThat(workload.late()).isEqualTo((int) (distinct.size() * Workload.LATE_SHARE)).isPositive();
        int outOfOrder = 0;
        Set<UUID> seen = new HashSet<>();
        for (int i = 1; i < deliveries.size(); i++) {
            if (seen.add(deliveries.get(i).eventId()) && deliveries.get(i).occurredAt().isBefore(deliveries.get(i - 1).occurredAt())) {
                outOfOrder++;
            }
        }
        assertThat(outOfOrder).as("delivered behind later events").isPositive();
    }

    @Test
    void theSameSeedGivesTheSameDeliveries() {
        assertThat(Workload.generate(TestCatalogues.SEED_SHAPE, "T", 1, 2, 10, 3, TODAY).deliveries())
                .isEqualTo(Workload.generate(TestCatalogues.SEED_SHAPE, "T", 1, 2, 10, 3, TODAY).deliveries());
    }

    @Test
    void longHistoriesHaveTwoHundredEventsAnEnrolment() {
        Workload workload = Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", 2, 3, 4, 200, 11, TODAY);
        Map<String, List<LearnerActivityEvent>> byLearner = distinct(workload).stream()
                .collect(Collectors.groupingBy(LearnerActivityEvent::learnerId));

        assertThat(workload.cohorts()).hasSize(6).allMatch(c -> c.size() == 4);
        assertThat(workload.learners()).isEqualTo(24);
        assertThat(byLearner).hasSize(24).allSatisfy((learner, events) -> assertThat(events).hasSize(200));
        assertThat(workload.eventsPerEnrolment()).isEqualTo(200.0);
        assertThat(workload.events()).isEqualTo(24 * 200);
    }

    @Test
    void longHistoriesReworkCriteriaOverTwelveToEighteenMonths() {
        Workload workload = Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", 2, 3, 4, 200, 11, TODAY);
        Map<String, List<LearnerActivityEvent>> byLearner = distinct(workload).stream()
                .collect(Collectors.groupingBy(LearnerActivityEvent::learnerId));

        byLearner.forEach((learner, events) -> {
            List<LearnerActivityEvent> ordered = events.stream().sorted(OCCURRENCE).toList();
            LearnerEnrolled enrolled = (LearnerEnrolled) ordered.getFirst();
            assertThat(enrolled.startDate()).as(learner + " enrolled 12 to 18 months ago")
                    .isBetween(TODAY.minusMonths(18), TODAY.minusMonths(12).plusDays(15));
            assertThat(ordered.getLast().occurredAt()).as(learner + "'s last event").isAfter(at(TODAY.minusMonths(5)));
            Map<Boolean, Long> decisions = ordered.stream().filter(CriterionAssessed.class::isInstance).map(CriterionAssessed.class::cast)
                    .collect(Collectors.partitioningBy(a -> a.outcome() == AssessmentOutcome.MET, Collectors.counting()));
            assertThat(decisions.get(false)).as(learner + "'s reworks (NOT_YET_MET)").isGreaterThan(decisions.get(true));
            assertThat(ordered.stream().filter(EvidenceSubmitted.class::isInstance)).as(learner + "'s evidence").hasSizeGreaterThan(80);
            // every criterion of the qualification ends met, then verified, each decision after its evidence
            Map<String, List<LearnerActivityEvent>> byCriterion = new LinkedHashMap<>();
            ordered.stream().filter(e -> !(e instanceof LearnerEnrolled))
                    .forEach(e -> byCriterion.computeIfAbsent(criterionOf(e), k -> new ArrayList<>()).add(e));
            int criteria = Syllabus.of(TestCatalogues.SEED_SHAPE).criteria(enrolled.qualificationCode());
            assertThat(byCriterion).hasSize(criteria);
            byCriterion.forEach((criterion, chain) -> {
                assertThat(chain.getLast()).as(criterion).isInstanceOf(CriterionVerified.class);
                assertThat(chain.get(chain.size() - 2)).as(criterion)
                        .isInstanceOfSatisfying(CriterionAssessed.class, a -> assertThat(a.outcome()).isEqualTo(AssessmentOutcome.MET));
                for (int i = 1; i < chain.size(); i++) {
                    assertThat(chain.get(i).occurredAt()).as(criterion + " in order").isAfter(chain.get(i - 1).occurredAt());
                }
            });
        });
    }

    /** What progress-service checks before it applies an event (ActivityShape, ActivityAdmission), against the catalogue. */
    @Test
    void everyLongHistoryEventIsOneProgressServiceApplies() {
        Syllabus syllabus = Syllabus.of(TestCatalogues.SEED_SHAPE);
        Workload workload = Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", 2, 3, 4, 200, 11, TODAY);
        Map<String, LearnerEnrolled> enrolments = new HashMap<>();
        distinct(workload).stream().filter(LearnerEnrolled.class::isInstance).map(LearnerEnrolled.class::cast)
                .forEach(e -> assertThat(enrolments.put(e.learnerId(), e)).as("enrolled once").isNull());
        assertThat(enrolments).hasSize(24);
        assertThat(enrolments.values()).extracting(LearnerEnrolled::qualificationCode).allMatch(syllabus.largest()::contains);

        for (LearnerActivityEvent event : distinct(workload)) {
            assertThat(event.schemaVersion()).isEqualTo(LearnerActivityEvent.SCHEMA_VERSION);
            assertThat(event.occurredAt()).isBefore(at(TODAY)).matches(TimeRange::contains);
            assertThat(Records.activity(event).value().length).isLessThan(ActivityRecords.MAX_RECORD_BYTES);
            LearnerEnrolled enrolled = enrolments.get(event.learnerId());
            assertThat(enrolled).as("an enrolment for " + event.learnerId()).isNotNull();
            assertThat(List.of(event.centreId(), event.qualificationCode())).isEqualTo(List.of(enrolled.centreId(), enrolled.qualificationCode()));
            assertThat(event.occurredAt()).isAfterOrEqualTo(enrolled.occurredAt());
            List<String> ids = new ArrayList<>(List.of(event.learnerId(), event.centreId(), event.qualificationCode()));
            switch (event) {
                case LearnerEnrolled e -> {
                    ids.add(e.cohortId());
                    assertThat(e.plannedEndDate()).isAfter(e.startDate());
                }
                case EvidenceSubmitted e -> {
                    assertKnown(syllabus, e.qualificationCode(), e.unitCode(), e.unitVersion(), e.criterionCodes());
                    ids.add(e.evidenceRef());
                }
                case CriterionAssessed a -> {
                    assertKnown(syllabus, a.qualificationCode(), a.unitCode(), a.unitVersion(), List.of(a.criterionCode()));
                    ids.add(a.assessorId());
                    ids.add(a.evidenceRef());
                }
                case CriterionVerified v -> {
                    assertKnown(syllabus, v.qualificationCode(), v.unitCode(), v.unitVersion(), List.of(v.criterionCode()));
                    ids.add(v.verifierId());
                }
                case LearnerWithdrawn w -> throw new AssertionError("no withdrawals in a long history");
            }
            assertThat(ids).allMatch(Identifiers::isValid);
        }
    }

    @Test
    void longHistoriesArriveLateAndTwiceLikeTheOthers() {
        Workload workload = Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", 2, 3, 4, 200, 11, TODAY);
        Set<UUID> distinct = workload.deliveries().stream().map(LearnerActivityEvent::eventId).collect(Collectors.toSet());

        assertThat(distinct).hasSize(workload.events());
        assertThat(workload.duplicates()).isEqualTo((int) (workload.events() * Workload.DUPLICATE_SHARE));
        assertThat(workload.late()).isEqualTo((int) (workload.events() * Workload.LATE_SHARE));
        assertThat(Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", 1, 1, 3, 200, 11, TODAY).deliveries())
                .isEqualTo(Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", 1, 1, 3, 200, 11, TODAY).deliveries());
    }

    /** The long histories are sized on the short ones, so both send about as many records whatever the day (intakes are on the 1st). */
    @ParameterizedTest
    @ValueSource(strings = {"default/2026-11-01", "default/2026-11-23", "default/2026-12-03", "quick/2026-11-23", "quick/2026-12-03"})
    void bothHistoriesOfAProfileAreAboutTheSameSize(String profileAndDay) {
        BenchmarkProfile profile = profileAndDay.startsWith("quick") ? BenchmarkProfile.quick() : BenchmarkProfile.standard();
        LocalDate today = LocalDate.parse(profileAndDay.substring(profileAndDay.indexOf('/') + 1));
        Workload shortHistories = Workload.generate(TestCatalogues.SEED_SHAPE, "B", profile.centres(), profile.cohortsPerCentre(),
                profile.learnersPerCohort(), 1, today);
        int learners = Workload.learnersPerCohortMatching(shortHistories, shortHistories.cohorts().size(), profile.longHistoryEvents());
        Workload longHistories = Workload.longHistories(TestCatalogues.SEED_SHAPE, "LH", profile.centres(), profile.cohortsPerCentre(),
                learners, profile.longHistoryEvents(), 1, today);

        assertThat(shortHistories.eventsPerEnrolment()).isBetween(15.0, 30.0);
        assertThat(longHistories.eventsPerEnrolment()).isEqualTo(200.0);
        assertThat((double) longHistories.deliveries().size() / shortHistories.deliveries().size())
                .as(longHistories.deliveries().size() + " records against " + shortHistories.deliveries().size()).isBetween(0.9, 1.1);
    }

    private static void assertKnown(Syllabus syllabus, String qualification, String unitCode, int version, List<String> criteria) {
        Syllabus.Unit unit = syllabus.units().get(qualification).stream().filter(u -> u.code().equals(unitCode)).findFirst()
                .orElseThrow(() -> new AssertionError(unitCode + " is not a unit of " + qualification));
        assertThat(version).as(unitCode + "'s version").isEqualTo(unit.version());
        assertThat(criteria).isNotEmpty().allMatch(unit.criteria()::contains);
    }

    private static String criterionOf(LearnerActivityEvent event) {
        return switch (event) {
            case EvidenceSubmitted e -> e.unitCode() + "/" + e.criterionCodes().getFirst();
            case CriterionAssessed a -> a.unitCode() + "/" + a.criterionCode();
            case CriterionVerified v -> v.unitCode() + "/" + v.criterionCode();
            default -> throw new AssertionError("not about a criterion: " + event);
        };
    }

    private static List<LearnerActivityEvent> distinct(Workload workload) {
        Set<UUID> seen = new HashSet<>();
        return workload.deliveries().stream().filter(e -> seen.add(e.eventId())).toList();
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static final Comparator<LearnerActivityEvent> OCCURRENCE =
            Comparator.comparing(LearnerActivityEvent::occurredAt).thenComparing(LearnerActivityEvent::eventId);
}
