package io.qualtrack.progress.ingest.web;

import io.qualtrack.progress.SubmitterInWebSlices;
import io.qualtrack.progress.ingest.ActivityPublisher;
import io.qualtrack.progress.tracking.AppliedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * progress-service limits each client's writes (turned on in progress-service.yml); here to two, one more every 30 s,
 * on a clock that stands still.
 */
@WebMvcTest(value = ActivityController.class, properties = {
        "qualtrack.rate-limit.writes.capacity=2",
        "qualtrack.rate-limit.writes.refill-requests=2",
        "qualtrack.rate-limit.writes.refill-period=1m"})
@Import({ActivityRateLimitTest.StoppedClock.class, SubmitterInWebSlices.class})
class ActivityRateLimitTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {
        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(Instant.parse("2026-10-01T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final String ENROLLED = """
            {"type":"LearnerEnrolled","eventId":"6f1c2a4e-0a4b-4d0e-9e1f-8c2b3a4d5e6f","occurredAt":"2026-09-01T09:00:00Z",
             "learnerId":"L-1","centreId":"C-1","qualificationCode":"SELM7-CERT","cohortId":"2026-A",
             "startDate":"2026-09-01","plannedEndDate":"2027-06-30"}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ActivityPublisher publisher;

    @MockitoBean
    AppliedEvents appliedEvents;

    private MvcTestResult submit() {
        return mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(ENROLLED).exchange();
    }

    @Test
    void aSystemPostingMoreThanItsAllowanceIsRefusedWith429AndNothingMoreIsPublished() {
        assertThat(submit()).hasStatus(202);
        assertThat(submit()).hasStatus(202);

        assertThat(submit()).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", title -> title.assertThat().isEqualTo("Too many requests"))
                .hasPathSatisfying("$.detail", detail -> detail.assertThat().asString().contains("Try again in 30 seconds"))
                .hasPathSatisfying("$.instance", instance -> instance.assertThat().isEqualTo("/api/activities"));
        verify(publisher, times(2)).publish(any());
    }
}
