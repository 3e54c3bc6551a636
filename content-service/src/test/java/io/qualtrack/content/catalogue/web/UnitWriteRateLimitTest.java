package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.AuthorInWebSlices;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitCatalogue;
import io.qualtrack.content.catalogue.UnitGuidance;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * content-service limits each caller's writes (turned on in content-service.yml); here to two, one more every 30 s,
 * on a clock that stands still. Reading the catalogue is never limited.
 */
@WebMvcTest(value = UnitController.class, properties = {
        "qualtrack.rate-limit.writes.capacity=2",
        "qualtrack.rate-limit.writes.refill-requests=2",
        "qualtrack.rate-limit.writes.refill-period=1m"})
@Import({UnitWriteRateLimitTest.StoppedClock.class, AuthorInWebSlices.class})
class UnitWriteRateLimitTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {
        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final Unit UNIT = new Unit("SELM7-01", 2, "Leading the School Strategically", "Strategy.", List.of(),
            new UnitGuidance(List.of(), List.of(), List.of(), List.of()), Instant.parse("2026-11-01T10:00:00Z"));

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    UnitCatalogue catalogue;

    private MvcTestResult newVersion() {
        return mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Leading the School Strategically\"}").exchange();
    }

    @Test
    void anAuthorWritingMoreThanTheAllowanceIsRefusedWith429AndNothingMoreIsStored() {
        given(catalogue.createVersion(eq("SELM7-01"), any())).willReturn(UNIT);
        given(catalogue.latest("SELM7-01")).willReturn(UNIT);
        given(catalogue.versions("SELM7-01")).willReturn(List.of(1, 2));
        assertThat(newVersion()).hasStatus(201);
        assertThat(newVersion()).hasStatus(201);

        assertThat(newVersion()).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", title -> title.assertThat().isEqualTo("Too many requests"));
        verify(catalogue, times(2)).createVersion(eq("SELM7-01"), any());

        assertThat(mvc.get().uri("/api/units/SELM7-01")).as("reads are not limited").hasStatusOk();
    }
}
