package io.qualtrack.report.security;

import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.report.TestEvents;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.security.Callers;
import io.qualtrack.testsupport.BadTokenFlood;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestIssuer;
import io.qualtrack.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * Tenancy from the token, never from the address: two centres, staff of one, learners of each, one learner id used
 * at both (by two people: a learner id is its centre's reference), and operations; over the API with the test issuer's tokens and over the pages signed in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSecurityTest extends ReportServiceIntegrationTest {

    private static final Instant RECENTLY = Snapshots.START.plusDays(148).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final TestCaller NORTH_STAFF = TestCaller.staff("C-NORTH");
    private static final String SOUTH_COHORT = "/api/centres/C-SOUTH/cohorts/S-1";

    @Autowired
    MockMvcTester mvc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @BeforeAll
    void twoCentres() {
        TestEvents events = new TestEvents(brokers);
        for (EnrolmentProgress enrolment : List.of(enrolment("SEC-N1", "C-NORTH", "N-1"), enrolment("SEC-N2", "C-NORTH", "N-1"),
                enrolment("SEC-S1", "C-SOUTH", "S-1"), enrolment("SEC-BOTH", "C-NORTH", "N-1"), secondQualification(enrolment("SEC-BOTH", "C-SOUTH", "S-1")))) {
            events.publish(Snapshots.changed(enrolment, 1));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api(SOUTH_COHORT, TestCaller.operations())).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(2));
            assertThat(api("/api/centres/C-NORTH/cohorts/N-1", TestCaller.operations())).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(3));
        });
    }

    @Test
    void staffListOnlyTheirOwnCentresWhateverTheQuerySays() {
        for (String centres : new String[]{"/api/centres", "/api/centres?centreId=C-SOUTH", "/api/centres?centres=C-SOUTH,C-NORTH"}) {
            assertThat(api(centres, NORTH_STAFF)).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$[*].centreId", ids -> ids.assertThat().asList().containsExactly("C-NORTH"));
        }
        assertThat(api("/api/centres", TestCaller.operations())).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].centreId", ids -> ids.assertThat().asList().contains("C-NORTH", "C-SOUTH"));
    }

    @Test
    void anotherCentresCohortsLearnersAtRiskAndCsvAreNotFoundAndGiveNothingAway() throws Exception {
        for (String elsewhere : List.of("/api/centres/C-SOUTH/cohorts", SOUTH_COHORT, SOUTH_COHORT + "/learners",
                SOUTH_COHORT + "/grid.csv", "/api/centres/C-SOUTH/at-risk", "/api/centres/C-NORTH/cohorts/S-1")) {
            var refused = mvc.get().uri(elsewhere).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(NORTH_STAFF)).exchange();
            assertThat(refused).as(elsewhere).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getResponse().getContentAsString()).as(elsewhere).doesNotContain("SEC-S1", "SEC-BOTH", "learners\":");
        }
        assertThat(api("/api/centres/C-NOWHERE/cohorts", NORTH_STAFF)).as("a centre that exists reads like one that does not")
                .hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("centre C-NOWHERE is not found");
        assertThat(api("/api/centres/C-SOUTH/cohorts", NORTH_STAFF)).bodyJson().extractingPath("$.detail")
                .isEqualTo("centre C-SOUTH is not found");
    }

    @Test
    void theCsvAndTheLearnerListHoldOnlyTheCallersCentreAndPagesAreCapped() throws Exception {
        var csv = mvc.get().uri("/api/centres/C-NORTH/cohorts/N-1/grid.csv?centreId=C-SOUTH")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(NORTH_STAFF)).exchange();
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getContentAsString().lines().skip(1).map(line -> line.split(",")[0]))
                .containsExactlyInAnyOrder("SEC-N1", "SEC-N2", "SEC-BOTH");
        assertThat(api("/api/centres/C-NORTH/cohorts/N-1/learners?size=100000&centreId=C-SOUTH", NORTH_STAFF)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.size", size -> size.assertThat().isEqualTo(100))
                .hasPathSatisfying("$.items[*].learnerId", ids -> ids.assertThat().asList().containsExactlyInAnyOrder("SEC-N1", "SEC-N2", "SEC-BOTH"));
    }

    @Test
    void aLearnerReadsOnlyTheirOwnDashboardAndStaffOnlyTheirCentresPartOfIt() {
        assertThat(api("/api/learners/SEC-N1/dashboard", TestCaller.learner("C-NORTH", "SEC-N1"))).hasStatusOk();
        assertThat(api("/api/learners/SEC-S1/dashboard", TestCaller.learner("C-NORTH", "SEC-N1"))).hasStatus(404);
        assertThat(api("/api/centres", TestCaller.learner("C-NORTH", "SEC-N1"))).as("learners have no centres to list").hasStatus(403);
        assertThat(api("/api/learners/SEC-S1/dashboard", NORTH_STAFF)).hasStatus(404);
        assertThat(api("/api/learners/NOBODY/dashboard", NORTH_STAFF)).hasStatus(404);

        assertThat(api("/api/learners/SEC-BOTH/dashboard", TestCaller.learner("C-NORTH", "SEC-BOTH"))).as("the id at C-SOUTH is someone else")
                .hasStatusOk().bodyJson().hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly("C-NORTH"));
        assertThat(api("/api/learners/SEC-BOTH/dashboard", TestCaller.learner("C-SOUTH", "SEC-BOTH"))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly("C-SOUTH"));
        assertThat(api("/api/learners/SEC-N1/dashboard", TestCaller.learner("C-SOUTH", "SEC-N1"))).as("C-SOUTH has no SEC-N1")
                .hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("learner SEC-N1 is not found");
        assertThat(api("/api/learners/NOBODY/dashboard", TestCaller.learner("C-NORTH", "NOBODY"))).hasStatus(404).bodyJson()
                .extractingPath("$.detail").isEqualTo("learner NOBODY is not found");
        assertThat(api("/api/learners/SEC-BOTH/dashboard", TestCaller.operations())).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactlyInAnyOrder("C-NORTH", "C-SOUTH"));
        assertThat(api("/api/learners/SEC-BOTH/dashboard", NORTH_STAFF)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly("C-NORTH"));
        assertThat(api("/api/learners/SEC-S1/dashboard", TestCaller.operations())).hasStatusOk();
        assertThat(api(SOUTH_COHORT, TestCaller.operations())).hasStatusOk();
    }

    @Test
    void noTokenOrABadOneIsRefusedAndOnlyTheHealthProbesAndAssetsAreOpen() {
        assertThat(mvc.get().uri("/api/centres").header(HttpHeaders.AUTHORIZATION, "")).hasStatus(401)
                .headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE);
        TestIssuer issuer = TestIssuer.shared();
        assertThat(mvc.get().uri("/api/centres").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + issuer.expiredToken(NORTH_STAFF.subject(), NORTH_STAFF.claims()))).hasStatus(401);
        assertThat(mvc.get().uri("/api/centres").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + issuer.tokenForAnotherAudience(NORTH_STAFF.subject(), NORTH_STAFF.claims()))).hasStatus(401);
        assertThat(mvc.get().uri("/actuator/health/readiness").header(HttpHeaders.AUTHORIZATION, "")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus")).as("staff").hasStatus(403);
        assertThat(mvc.get().uri("/assets/qualtrack.css").header(HttpHeaders.AUTHORIZATION, "")).hasStatusOk();
    }

    @Test
    void thePagesSendSomeoneNotSignedInToSignInAndTheirScriptsGetA401() {
        assertThat(mvc.get().uri("/centres/C-NORTH").accept(MediaType.TEXT_HTML)).hasStatus(302)
                .headers().hasValue(HttpHeaders.LOCATION, "/oauth2/authorization/qualtrack");
        assertThat(mvc.get().uri("/centres/C-NORTH/cohorts/N-1/version")).hasStatus(401);
        var toTheIssuer = mvc.get().uri("/oauth2/authorization/qualtrack").exchange();
        assertThat(toTheIssuer).hasStatus(302);
        assertThat(toTheIssuer.getResponse().getHeader(HttpHeaders.LOCATION)).startsWith(TestIssuer.shared().uri() + "/authorize?")
                .contains("code_challenge=", "nonce=", "scope=openid%20profile");
    }

    @Test
    void signedInStaffSeeTheirCentreOnlyOnThePages() throws Exception {
        assertThat(page("/centres", NORTH_STAFF)).hasStatusOk().bodyText().contains(">C-NORTH</a>").doesNotContain("C-SOUTH");
        for (String elsewhere : List.of("/centres/C-SOUTH", "/centres/C-SOUTH/cohorts/S-1", "/centres/C-SOUTH/cohorts/S-1/grid.csv",
                "/learners/SEC-S1")) {
            assertThat(page(elsewhere, NORTH_STAFF)).as(elsewhere).hasStatus(404).bodyText()
                    .contains("We could not find that page").doesNotContain("data-learner", "Cohort S-1", "Qualification one");
        }
        assertThat(page("/learners/SEC-BOTH", NORTH_STAFF)).hasStatusOk().bodyText().contains("Cohort N-1").doesNotContain("Cohort S-1");
        assertThat(page("/centres/C-NORTH/cohorts/N-1", NORTH_STAFF)).hasStatusOk().bodyText()
                .contains("data-learner=\"SEC-N1\"").doesNotContain("SEC-S1");
    }

    private MockMvcTester.MockMvcRequestBuilder api(String path, TestCaller caller) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(caller));
    }

    private MockMvcTester.MockMvcRequestBuilder page(String path, TestCaller caller) {
        return mvc.get().uri(path).accept(MediaType.TEXT_HTML).with(signedIn(caller));
    }

    /** Signed in to the pages with an ID token carrying the caller's claims, its roles mapped as sign-in maps them. */
    private static RequestPostProcessor signedIn(TestCaller caller) {
        return oidcLogin().idToken(token -> token.subject(caller.subject()).claims(claims -> claims.putAll(caller.claims())))
                .authorities(Callers.authorities(caller.subject(), caller.claims()));
    }

    private static EnrolmentProgress enrolment(String learner, String centre, String cohort) {
        return Snapshots.progress(learner, centre, cohort, RECENTLY, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
    }

    private static EnrolmentProgress secondQualification(EnrolmentProgress p) {
        return new EnrolmentProgress(p.learnerId(), "Q2", "Qualification two", p.centreId(), p.cohortId(), p.startDate(),
                p.plannedEndDate(), p.status(), p.enrolledAt(), p.withdrawnAt(), p.lastActivityAt(), p.summary(), p.units());
    }

    @Test
    void anAddressSendingBadTokensIsRefusedWith429BeforeTheyAreReadWhileOtherAddressesAndTheProbesAreNot() {
        BadTokenFlood.assertLimitedByAddress(mvc, "/api/centres", TestCaller.operations());
    }
}
