package io.qualtrack.content.security;

import io.qualtrack.content.ContentServiceIntegrationTest;
import io.qualtrack.testsupport.BadTokenFlood;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestIssuer;
import io.qualtrack.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may read and who may change the catalogue, with real tokens from the test issuer. */
class ContentSecurityTest extends ContentServiceIntegrationTest {

    private static final String DRAFT = "{\"title\":\"\",\"learningOutcomes\":[]}";

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyoneSignedInReadsTheCatalogueAndNobodyElse() {
        assertThat(mvc.get().uri("/api/units").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.learner("C-1", "L-1"))))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/units").header(HttpHeaders.AUTHORIZATION, "")).hasStatus(401)
                .headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void onlyAuthorsChangeIt() {
        assertThat(mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON).content(DRAFT)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.staff("C-NORTH")))).hasStatus(403);
        assertThat(mvc.post().uri("/api/unit-pages").contentType(MediaType.TEXT_PLAIN).content("Unit 1")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.operations()))).hasStatus(403);
        assertThat(mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON).content(DRAFT)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.author())))
                .as("an author gets past security to the draft's validation").hasStatus(400);
    }

    @Test
    void tokensThatAreNotGoodEnoughAreRefused() {
        TestIssuer issuer = TestIssuer.shared();
        TestCaller author = TestCaller.author();
        for (String token : new String[]{issuer.expiredToken(author.subject(), author.claims()),
                issuer.tamperedToken(author.subject(), author.claims()),
                issuer.tokenOfAnotherIssuer(author.subject(), author.claims()),
                issuer.tokenForAnotherAudience(author.subject(), author.claims()), "not-a-jwt"}) {
            assertThat(mvc.get().uri("/api/units").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatus(401)
                    .bodyJson().extractingPath("$.status").isEqualTo(401);
        }
    }

    @Test
    void probesAreOpenAndTheRestOfTheActuatorIsForOperations() {
        assertThat(mvc.get().uri("/actuator/health/liveness").header(HttpHeaders.AUTHORIZATION, "")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus")).as("an author").hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.operations())))
                .hasStatusOk();
    }

    @Test
    void prometheusReadsTheMetricsAndNothingElseNotEvenTheCatalogue() {
        String prometheus = TestTokens.bearer(TestCaller.metricsReader());
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, prometheus)).hasStatusOk()
                .bodyText().contains("application=\"content-service\"");
        for (String path : List.of("/actuator/metrics", "/actuator/env", "/api/units")) {
            assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, prometheus)).as(path).hasStatus(403);
        }
        assertThat(mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON).content(DRAFT)
                .header(HttpHeaders.AUTHORIZATION, prometheus)).hasStatus(403);
    }

    @Test
    void anAddressSendingBadTokensIsRefusedWith429BeforeTheyAreReadWhileOtherAddressesAndTheProbesAreNot() {
        BadTokenFlood.assertLimitedByAddress(mvc, "/api/units", TestCaller.author());
    }
}
