package io.qualtrack.system;

import org.junit.jupiter.api.Test;

/** {@link ActivityToCohortSummaryFlow} through a real Kafka broker in this JVM and the MongoDB stand-in. */
class ActivityToCohortSummaryTest {

    @Test
    void activityPostedToProgressServiceShowsInTheCohortSummary() {
        ActivityToCohortSummaryFlow.run(RunningSystem.shared());
    }
}
