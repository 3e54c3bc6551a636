package io.qualtrack.report.web;

import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.security.Callers;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * report-service limits each caller's reads, and its CSV exports more tightly (report-service.yml, with the defaults
 * of ReadRateLimitSettings), on the suite's clock that stands still. Each test is a caller of its own, so the
 * allowances it spends are nobody else's.
 */
class ReadRateLimitTest extends ReportServiceIntegrationTest {

    private static final String GRID = "/api/centres/" + CENTRE + "/cohorts/LIMITS/grid.csv";

    @Autowired
    MockMvcTester mvc;

    private static TestCaller staff(String subject) {
        return new TestCaller(subject, Map.of("roles", List.of("centre-staff"), "centres", List.of(CENTRE)));
    }

    private MvcTestResult api(String path, TestCaller caller) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(caller)).exchange();
    }

    @Test
    void aScriptAskingForTwoHundredCsvExportsGetsTwentyAndThen429WithRetryAfter() {
        TestCaller script = staff("limits-exporter");
        List<Integer> statuses = IntStream.range(0, 200).mapToObj(i -> api(GRID, script).getResponse().getStatus()).toList();

        assertThat(statuses.subList(0, 20)).doesNotContain(429);
        assertThat(statuses.subList(20, 200)).containsOnly(429);
        assertThat(api(GRID, script)).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "15")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", title -> title.assertThat().isEqualTo("Too many requests"))
                .hasPathSatisfying("$.detail", detail -> detail.assertThat().asString()
                        .contains("more CSV exports than it may (20 in a burst, then 20 per 5m)").contains("Try again in 15 seconds."));
        assertThat(api("/api/centres", script)).as("its other reads go on").hasStatusOk();
        assertThat(api(GRID, staff("limits-colleague")).getResponse().getStatus()).as("another caller's exports are its own")
                .isNotEqualTo(429);
    }

    @Test
    void theSamePersonSignedInToThePagesSharesTheirExportAllowance() {
        TestCaller manager = staff("limits-manager");
        for (int i = 0; i < 20; i++) {
            assertThat(api(GRID, manager).getResponse().getStatus()).isNotEqualTo(429);
        }
        assertThat(mvc.get().uri("/centres/" + CENTRE + "/cohorts/LIMITS/grid.csv").with(signedIn(manager)))
                .hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "15").bodyText().contains("Too many requests at once");
    }

    @Test
    void readsAreLimitedToThreeHundredInABurst() {
        TestCaller reader = staff("limits-reader");
        for (int i = 0; i < 300; i++) {
            assertThat(api("/api/centres", reader)).hasStatusOk();
        }
        assertThat(api("/api/centres", reader)).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "1").bodyJson()
                .hasPathSatisfying("$.detail", detail -> detail.assertThat().asString()
                        .contains("more reads than it may (300 in a burst, then 300 per 1m)"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(TestCaller caller) {
        return oidcLogin().idToken(token -> token.subject(caller.subject()).claims(claims -> claims.putAll(caller.claims())))
                .authorities(Callers.authorities(caller.subject(), caller.claims()));
    }
}
