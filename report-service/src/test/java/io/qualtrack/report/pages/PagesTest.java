package io.qualtrack.report.pages;

import io.qualtrack.testsupport.PageSession;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.testsupport.TestIssuer;
import io.qualtrack.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.report.pages.SeededCohort.PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over HTTP, without a browser, signed in through the test issuer as the centre's manager: what they say,
 * their errors, who is signed in, signing out, and that the JSON API is untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest extends ReportServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MockMvcTester mvc;

    private String base;
    private PageSession manager;

    @BeforeAll
    void seed() {
        base = "http://localhost:" + port;
        manager = PageSession.signedIn(base, PageFixtures.MANAGER);
        SeededCohort.seed(brokers, manager);
    }

    private HttpResponse<String> get(String path) {
        return manager.get(path);
    }

    @Test
    void theCohortPageShowsTheGridTheHeatmapInTheCataloguesWordsTheAtRiskReasonsAndTheTrend() {
        HttpResponse<String> page = get(PATH);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("data-learner=\"P-001\"", "data-learner=\"P-007\"", "Leading the School Strategically")
                .contains("Evaluate the impact of strategic leadership on school improvement")
                .contains("no activity for", "criteria awaiting assessment")
                .contains("class=\"met-line\"", "Average share of criteria met in this cohort, by day");
        Matcher now = Pattern.compile("now ([0-9.]+%) met on average").matcher(page.body());
        assertThat(now.find()).as("the trend's description names today's figure").isTrue();
        assertThat(page.body()).as("the trend ends where the cohort's average stands today")
                .contains("<p class=\"card-figure\">" + now.group(1) + "</p>");
    }

    @Test
    void filtersAndSortsWithPlainLinks() {
        String red = get(PATH + "?rag=RED&sort=learner,desc").body();

        assertThat(learnersIn(red)).containsExactly("P-005", "P-004");
        assertThat(learnersIn(get(PATH + "?q=p-00").body())).contains("P-001", "P-008");
        assertThat(learnersIn(get(PATH + "?unit=SELM7-03&unitStatus=NOT_STARTED").body())).contains("P-004", "P-005").doesNotContain("P-001");
        assertThat(get(PATH + "?q=nobody").body()).contains("No learners match these filters.");
    }

    @Test
    void downloadsWhatTheGridShowsAsCsv() {
        HttpResponse<String> csv = get(PATH + "/grid.csv?rag=RED&sort=learner,desc");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("learners.csv"));
        assertThat(Arrays.stream(csv.body().split("\r\n")).skip(1).map(line -> line.split(",")[0])).containsExactly("P-005", "P-004");
    }

    @Test
    void theLearnerPageShowsEveryCriterionWhatToEvidenceNextAndWhy() {
        String page = get("/learners/P-003").body();

        assertThat(page).contains("Level 7 Diploma in Strategic Educational Leadership", "What to evidence next")
                .contains("Not yet met: more evidence needed", "The assessor judged this not yet met")
                .contains("Ground every claim in evidence from your own setting", "Describing strategy instead of analysing it")
                .contains("Design a monitoring schedule for teaching and learning", "EV-11-portfolio", "A. Assessor")
                .contains("the latest 1 of 3 submissions")
                .contains("Expected by today");
    }

    @Test
    void unknownPagesAndBadFiltersGetAFriendlyPageNotAStackTrace() {
        HttpResponse<String> cohort = get("/centres/" + PageFixtures.CENTRE + "/cohorts/NOPE");
        assertThat(cohort.statusCode()).isEqualTo(404);
        assertThat(cohort.body()).contains("We could not find that page", "has no cohort NOPE").doesNotContain("Exception");

        assertThat(get("/learners/NOBODY").statusCode()).isEqualTo(404);
        assertThat(get("/centres/NOWHERE").statusCode()).isEqualTo(404);

        HttpResponse<String> badFilter = get(PATH + "?rag=purple");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("That filter or sort does not exist", "Rag must be one of", "Show this page without filters");
        assertThat(get(PATH + "?sort=shoeSize").statusCode()).isEqualTo(400);

        HttpResponse<String> nowhere = get("/no/such/page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is no page at this address").doesNotContain("Whitelabel");
        assertThat(mvc.get().uri("/api/no-such-thing").accept(MediaType.APPLICATION_JSON)).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theHomePageLeadsToTheCentresAndTheJsonApiIsUnchanged() {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/centres"));
        assertThat(get("/centres").body()).contains(">C-PAGES</a>");
        assertThat(get("/centres/C-PAGES").body()).contains(PageFixtures.COHORT, "At risk across the centre");
        assertThat(get("/learners?id=P-001").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/learners/P-001"));

        String cohort = "/api/centres/" + PageFixtures.CENTRE + "/cohorts/" + PageFixtures.COHORT;
        assertThat(mvc.get().uri(cohort).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(PageFixtures.MANAGER)))
                .hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson()
                .hasPathSatisfying("$.cohortId", id -> id.assertThat().isEqualTo(PageFixtures.COHORT));
        assertThat(manager.get(cohort, "application/json").statusCode()).as("the pages' session is no key to the API").isEqualTo(401);
    }

    @Test
    void theMastheadSaysWhoIsSignedInAndSigningOutEndsTheSessionHereAndAtTheIssuer() {
        assertThat(get("/centres").body()).contains("Pat Manager", "Staff of C-PAGES", ">Sign out</button>", "name=\"_csrf\"");

        PageSession leaving = PageSession.signedIn(base, PageFixtures.MANAGER);
        assertThat(leaving.post("/logout", "").statusCode()).as("no CSRF token, no sign-out").isEqualTo(403);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(leaving.get("/centres").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signOut = leaving.post("/logout", "_csrf=" + csrf.group(1));
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith(TestIssuer.shared().uri() + "/end-session?").contains("id_token_hint="));
        HttpResponse<String> signedOut = leaving.follow(signOut.headers().firstValue("Location").orElseThrow());
        assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
        assertThat(signedOut.body()).contains("You have signed out").doesNotContain("Pat Manager");
        HttpResponse<String> again = leaving.get("/centres");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/qualtrack"));
    }

    @Test
    void thePagesSessionCookieIsNotOneAnIdentityProviderOnTheSameHostWouldOverwrite() {
        HttpResponse<String> toTheIssuer = PageSession.anonymous(base).get("/oauth2/authorization/qualtrack");

        assertThat(toTheIssuer.statusCode()).isEqualTo(302);
        assertThat(toTheIssuer.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("QUALTRACK_PAGES_SESSION=").contains("HttpOnly"))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    }

    @Test
    void thePagesSessionCookieGoesOnlyWithThisSitesOwnRequestsAndPlainLinksToIt() {
        HttpResponse<String> toTheIssuer = PageSession.anonymous(base).get("/oauth2/authorization/qualtrack");

        assertThat(toTheIssuer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("QUALTRACK_PAGES_SESSION=").contains("SameSite=Lax")
                .as("Secure only over https (Tomcat adds it there), so http://localhost keeps working").doesNotContain("Secure"));
    }

    @Test
    void everyPageLoadsScriptsAndStylesFromThisServiceOnlyAndHasNothingInline() {
        URI issuer = URI.create(TestIssuer.shared().uri());
        for (String path : new String[]{"/centres", "/centres/C-PAGES", PATH, "/learners/P-003", "/no/such/page", "/assets/qualtrack.css"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                    .as("signing out redirects to the issuer").contains("form-action 'self' " + issuer.getScheme() + "://" + issuer.getAuthority())
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(page.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("camera=()", "microphone=()", "geolocation=()"));
            assertThat(page.body()).as(path).doesNotContain("style=\"", "<style").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
        }
        assertThat(get("/centres/C-PAGES").body()).as("the on-track shares, as classes the stylesheet sizes")
                .containsPattern("class=\"stack-part stack-\\w+ w-\\d+\"");
    }

    @Test
    void theApiAnswersCarryAPolicyThatLoadsNothing() {
        var answer = mvc.get().uri("/api/centres").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(PageFixtures.MANAGER)).exchange();

        assertThat(answer.getResponse().getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.getResponse().getHeader("Permissions-Policy")).contains("camera=()");
    }

    @Test
    void aLearnerLandsOnTheirOwnPageAndNowhereElse() {
        PageSession learner = PageSession.signedIn(base, PageFixtures.LEARNER);

        HttpResponse<String> home = learner.follow("/");
        assertThat(home.uri().getPath()).isEqualTo("/learners/P-003");
        assertThat(home.body()).contains("Priya Learner", "Learner P-003", "My progress", "What to evidence next")
                .doesNotContain("id=\"lookup-id\"", ">Centres</a>", "href=\"/centres/");
        assertThat(learner.get("/centres").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/learners/P-003"));
        assertThat(learner.get("/learners?id=P-001").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/learners/P-003"));
        for (String elsewhere : new String[]{"/learners/P-001", "/learners/P-001/version", PATH, PATH + "/version", PATH + "/grid.csv",
                "/centres/" + PageFixtures.CENTRE}) {
            HttpResponse<String> refused = learner.get(elsewhere, "*/*");
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(404);
            assertThat(refused.body()).as(elsewhere).doesNotContain("data-learner=", "Level 7 Diploma", "learner_id");
        }
    }

    private static java.util.List<String> learnersIn(String html) {
        return Pattern.compile("data-learner=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }
}
