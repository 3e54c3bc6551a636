package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.localstack.TestCatalogues;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
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
}
