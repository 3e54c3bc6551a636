package io.qualtrack.system;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link ActivityToCohortSummaryFlow} with the three services on one Kafka and one MongoDB container, as deployed.
 * Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ActivityToCohortSummaryOnContainersTest {

    @Test
    void activityPostedToProgressServiceShowsInTheCohortSummary() {
        ActivityToCohortSummaryFlow.run(RunningSystem.onContainers());
    }
}
