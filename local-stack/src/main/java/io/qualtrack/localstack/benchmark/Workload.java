package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.localstack.CatalogueSnapshot;
import io.qualtrack.localstack.Demo;
import io.qualtrack.localstack.DemoCohort;
import io.qualtrack.localstack.DemoGenerator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Synthetic activity as a topic delivers it, in one of two shapes. {@link #generate}: N centres with cohorts of
 * learners enrolled on the seed qualifications, months of evidence, assessments (some not yet met, then met),
 * verifications and a few withdrawals (the demo's generator, with its spread of learners ahead, behind, inactive
 * and waiting for assessment; about 23 events an enrolment). {@link #longHistories}: fewer learners, each with a
 * {@link LongHistory} of about 200 events over 12 to 18 months. Either is sent oldest first, except that some
 * events arrive late (behind later ones) and some twice.
 *
 * @param learners   learners, one enrolment each
 * @param deliveries the events in the order they are sent, duplicates included
 */
record Workload(List<DemoCohort> cohorts, int learners, List<LearnerActivityEvent> deliveries, int late, int duplicates) {

    static final double LATE_SHARE = 0.03;
    static final double DUPLICATE_SHARE = 0.05;
    private static final int LATE_BY_AT_MOST = 2_000;
    private static final int DUPLICATE_AFTER_AT_MOST = 5_000;

    static Workload generate(CatalogueSnapshot catalogue, String prefix, int centres, int cohortsPerCentre,
                             int learnersPerCohort, long seed, LocalDate today) {
        List<DemoCohort> cohorts = new ArrayList<>();
        for (int c = 1; c <= centres; c++) {
            String centreId = "C-%s%03d".formatted(prefix, c);
            for (int k = 1; k <= cohortsPerCentre; k++) {
                // intakes one to eight months ago, so a cohort's learners are at different points of their plan
                LocalDate intake = today.minusMonths(1 + (c + k) % 8).withDayOfMonth(1);
                cohorts.add(new DemoCohort(centreId, "Benchmark centre " + prefix + c, "K-%s%03d-%02d".formatted(prefix, c, k),
                        intake, learnersPerCohort));
            }
        }
        Demo demo = new DemoGenerator(catalogue).generate(seed, today, cohorts, prefix + "-");
        return delivered(cohorts, demo.learners().size(), demo.activities(), seed);
    }

    /**
     * N centres with cohorts of learners enrolled 12 to 18 months ago on the qualifications with the most criteria
     * (the diplomas), each with a {@link LongHistory} of {@code eventsPerEnrolment} events; delivered like
     * {@link #generate}'s (oldest first, the same shares late and twice).
     */
    static Workload longHistories(CatalogueSnapshot catalogue, String prefix, int centres, int cohortsPerCentre,
                                  int learnersPerCohort, int eventsPerEnrolment, long seed, LocalDate today) {
        Syllabus syllabus = Syllabus.of(catalogue);
        List<String> qualifications = syllabus.largest();
        Random random = new Random(seed);
        List<DemoCohort> cohorts = new ArrayList<>();
        List<LearnerActivityEvent> events = new ArrayList<>();
        int learners = 0;
        for (int c = 1; c <= centres; c++) {
            String centreId = "C-%s%03d".formatted(prefix, c);
            for (int k = 1; k <= cohortsPerCentre; k++) {
                // intakes 12 to 18 months ago: a year and more of each learner's work is on record
                LocalDate intake = today.minusMonths(12 + (c + k) % 7).withDayOfMonth(1);
                DemoCohort cohort = new DemoCohort(centreId, "Benchmark centre " + prefix + c, "K-%s%03d-%02d".formatted(prefix, c, k),
                        intake, learnersPerCohort);
                cohorts.add(cohort);
                for (int i = 0; i < learnersPerCohort; i++) {
                    learners++;
                    String qualification = qualifications.get(random.nextInt(qualifications.size()));
                    LocalDate start = intake.plusDays(random.nextInt(15));
                    LongHistory.Enrolment enrolment = new LongHistory.Enrolment(prefix + "-%05d".formatted(learners), centreId,
                            cohort.cohortId(), qualification, start, start.plusMonths(18 + random.nextInt(7)));
                    // a random per learner: one learner's history does not shift when another's changes
                    Random learnerRandom = new Random(seed * 1_000_003L + learners);
                    events.addAll(new LongHistory(enrolment, syllabus.units().get(qualification), today, seed, learnerRandom)
                            .events(eventsPerEnrolment));
                }
            }
        }
        events.sort(Comparator.comparing(LearnerActivityEvent::occurredAt)
                .thenComparing(LearnerActivityEvent::learnerId)
                .thenComparing(LearnerActivityEvent::eventId));
        return delivered(cohorts, learners, events, seed);
    }

    /**
     * Learners per cohort for long histories of {@code eventsPerEnrolment} events that make about as many events in all
     * as {@code other} (which varies with the day of the month: its cohorts' intakes are on the first of a month).
     */
    static int learnersPerCohortMatching(Workload other, int cohorts, int eventsPerEnrolment) {
        return Math.max(1, (int) Math.round((double) other.events() / ((double) cohorts * eventsPerEnrolment)));
    }

    /** The events oldest first, then some moved behind later ones and some sent twice. */
    private static Workload delivered(List<DemoCohort> cohorts, int learners, List<LearnerActivityEvent> oldestFirst, long seed) {
        Random random = new Random(seed);
        List<LearnerActivityEvent> deliveries = new ArrayList<>(oldestFirst);
        int late = delayed(deliveries, random);
        int duplicates = duplicated(deliveries, random);
        return new Workload(cohorts, learners, deliveries, late, duplicates);
    }

    /** Moves a share of the events behind later ones: delivered after events that happened after them. */
    private static int delayed(List<LearnerActivityEvent> events, Random random) {
        int count = (int) (events.size() * LATE_SHARE);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(events.size());
            int to = Math.min(events.size() - 1, from + 1 + random.nextInt(LATE_BY_AT_MOST));
            events.add(to, events.remove(from));
        }
        return count;
    }

    /** Sends a share of the events a second time, a little later: what an at-least-once producer does. */
    private static int duplicated(List<LearnerActivityEvent> events, Random random) {
        int count = (int) (events.size() * DUPLICATE_SHARE);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(events.size());
            int to = Math.min(events.size(), from + 1 + random.nextInt(DUPLICATE_AFTER_AT_MOST));
            events.add(to, events.get(from));
        }
        return count;
    }

    /** Distinct events: every one sent once, some of them twice. */
    int events() {
        return deliveries.size() - duplicates;
    }

    double eventsPerEnrolment() {
        return (double) events() / learners;
    }

    List<Records.Keyed> records() {
        return deliveries.stream().map(Records::activity).toList();
    }
}
