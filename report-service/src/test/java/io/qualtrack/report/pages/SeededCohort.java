package io.qualtrack.report.pages;

import io.qualtrack.testsupport.PageSession;
import io.qualtrack.report.TestEvents;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Publishes {@link PageFixtures}' catalogue and cohort (again: a repeat is a duplicate) and waits until the pages show it. */
final class SeededCohort {

    static final String PATH = "/centres/" + PageFixtures.CENTRE + "/cohorts/" + PageFixtures.COHORT;

    private SeededCohort() {
    }

    /** Seeds, and waits until the pages show it to {@code staff} (signed in as staff of the cohort's centre). */
    static void seed(String brokers, PageSession staff) {
        TestEvents events = new TestEvents(brokers);
        events.publish(PageFixtures.STRATEGY);
        events.publish(PageFixtures.QUALITY);
        events.publish(PageFixtures.QUALIFICATION);
        PageFixtures.cohort().forEach(events::publish);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(staff.get(PATH).body()).contains("data-learner=\"P-008\"", "Critically analyse how strategic leadership");
            assertThat(staff.get("/learners/P-003").body()).contains("Ground every claim in evidence");
        });
    }
}
