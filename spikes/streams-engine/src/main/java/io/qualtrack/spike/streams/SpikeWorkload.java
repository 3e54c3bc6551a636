package io.qualtrack.spike.streams;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.localstack.CatalogueSnapshot;
import io.qualtrack.localstack.Demo;
import io.qualtrack.localstack.DemoCohort;
import io.qualtrack.localstack.DemoGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's workload (local-stack's benchmark Workload, which is package-private there; the same steps): the
 * demo generator's cohorts, learners and months of activity, oldest first, then 3% of the events moved up to 2,000
 * places later and 5% sent a second time up to 5,000 places later. The default size is the benchmark's standard
 * round: 4 centres x 3 cohorts x 100 learners.
 */
record SpikeWorkload(int learners, List<LearnerActivityEvent> deliveries, List<Keyed> records, int late, int duplicates) {

    static final double LATE_SHARE = 0.03;
    static final double DUPLICATE_SHARE = 0.05;
    private static final int LATE_BY_AT_MOST = 2_000;
    private static final int DUPLICATE_AFTER_AT_MOST = 5_000;
    private static final ObjectWriter ACTIVITY = JsonMapper.builder().build().writerFor(LearnerActivityEvent.class);

    /** A record as the services exchange it: key = learner id, value = JSON of the contract's event. */
    record Keyed(String key, byte[] value) {
    }

    static SpikeWorkload generate(CatalogueSnapshot catalogue, String prefix, int centres, int cohortsPerCentre,
                                  int learnersPerCohort, long seed, LocalDate today) {
        List<DemoCohort> cohorts = new ArrayList<>();
        for (int c = 1; c <= centres; c++) {
            String centreId = "C-%s%03d".formatted(prefix, c);
            for (int k = 1; k <= cohortsPerCentre; k++) {
                LocalDate intake = today.minusMonths(1 + (c + k) % 8).withDayOfMonth(1);
                cohorts.add(new DemoCohort(centreId, "Spike centre " + prefix + c, "K-%s%03d-%02d".formatted(prefix, c, k),
                        intake, learnersPerCohort));
            }
        }
        Demo demo = new DemoGenerator(catalogue).generate(seed, today, cohorts, prefix + "-");
        Random random = new Random(seed);
        List<LearnerActivityEvent> deliveries = new ArrayList<>(demo.activities());
        int late = delayed(deliveries, random);
        int duplicates = duplicated(deliveries, random);
        List<Keyed> records = deliveries.stream().map(e -> new Keyed(e.learnerId(), ACTIVITY.writeValueAsBytes(e))).toList();
        return new SpikeWorkload(demo.learners().size(), List.copyOf(deliveries), records, late, duplicates);
    }

    private static int delayed(List<LearnerActivityEvent> events, Random random) {
        int count = (int) (events.size() * LATE_SHARE);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(events.size());
            int to = Math.min(events.size() - 1, from + 1 + random.nextInt(LATE_BY_AT_MOST));
            events.add(to, events.remove(from));
        }
        return count;
    }

    private static int duplicated(List<LearnerActivityEvent> events, Random random) {
        int count = (int) (events.size() * DUPLICATE_SHARE);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(events.size());
            int to = Math.min(events.size(), from + 1 + random.nextInt(DUPLICATE_AFTER_AT_MOST));
            events.add(to, events.get(from));
        }
        return count;
    }

    long bytes() {
        return records.stream().mapToLong(r -> r.value().length).sum();
    }
}
