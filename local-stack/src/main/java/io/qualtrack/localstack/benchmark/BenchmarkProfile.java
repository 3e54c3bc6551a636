package io.qualtrack.localstack.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * How big a benchmark run is. {@code default} is the one docs/benchmarks.md reports (at most 10 minutes on two
 * cores); {@code quick} proves in CI, in under 2 minutes, that every figure is produced.
 *
 * @param rounds             pipeline runs of each history, each followed by the floor on the same records (medians reported)
 * @param centres            centres of each round's pipeline workloads
 * @param cohortsPerCentre   cohorts per centre
 * @param learnersPerCohort  learners per cohort of the short histories (each about 17 to 24 events); the long histories
 *                           have as many learners as make about as many events in all
 * @param longHistoryEvents  events of each long history (one enrolment)
 * @param replayRecords      activity records replayed from offset 0 by a second progress-service
 * @param halfLoad           how long the latency run sends at half the sustained rate
 * @param probeEvery         how often it sends a probe enrolment during that time
 * @param readModelScales    learner counts at which the read APIs are timed
 * @param apiRequests        requests per API and scale
 * @param stackStarts        starts of the local stack to time (the second one after a stop: a normal restart)
 */
public record BenchmarkProfile(String name, int rounds, int centres, int cohortsPerCentre, int learnersPerCohort,
                               int longHistoryEvents, int replayRecords, Duration halfLoad,
                               Duration probeEvery, List<Integer> readModelScales, int apiRequests, int stackStarts) {

    public static BenchmarkProfile standard() {
        return new BenchmarkProfile("default", 3, 4, 3, 100, 200, 100_000, Duration.ofSeconds(60), Duration.ofMillis(200),
                List.of(10_000, 100_000), 300, 2);
    }

    public static BenchmarkProfile quick() {
        return new BenchmarkProfile("quick", 1, 2, 3, 50, 200, 10_000, Duration.ofSeconds(15), Duration.ofMillis(150),
                List.of(1_000, 5_000), 100, 1);
    }

    public int learners() {
        return centres * cohortsPerCentre * learnersPerCohort;
    }
}
