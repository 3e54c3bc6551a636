package io.qualtrack.report.pages;

import io.qualtrack.report.TestEvents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Publishes {@link PageFixtures}' catalogue and cohort (again: a repeat is a duplicate) and waits until the pages show it. */
final class SeededCohort {

    static final String PATH = "/centres/" + PageFixtures.CENTRE + "/cohorts/" + PageFixtures.COHORT;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SeededCohort() {
    }

    static void seed(String brokers, String baseUrl) {
        TestEvents events = new TestEvents(brokers);
        events.publish(PageFixtures.STRATEGY);
        events.publish(PageFixtures.QUALITY);
        PageFixtures.cohort().forEach(events::publish);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get(baseUrl + PATH).body()).contains("data-learner=\"P-008\"", "Critically analyse how strategic leadership");
            assertThat(get(baseUrl + "/learners/P-003").body()).contains("Ground every claim in evidence");
        });
    }

    static HttpResponse<String> get(String url) {
        return get(url, "text/html");
    }

    static HttpResponse<String> get(String url, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
