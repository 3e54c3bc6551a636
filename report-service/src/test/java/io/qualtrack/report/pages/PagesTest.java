package io.qualtrack.report.pages;

import io.qualtrack.report.ReportServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.report.pages.SeededCohort.PATH;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages over HTTP, without a browser: what they say, their errors, and that the JSON API is untouched. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest extends ReportServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private String base;

    @BeforeAll
    void seed() {
        base = "http://localhost:" + port;
        SeededCohort.seed(brokers, base);
    }

    private HttpResponse<String> get(String path) {
        return SeededCohort.get(base + path);
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
        HttpResponse<String> noApi = SeededCohort.get(base + "/api/no-such-thing", "application/json");
        assertThat(noApi.statusCode()).isEqualTo(404);
        assertThat(noApi.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theHomePageLeadsToTheCentresAndTheJsonApiIsUnchanged() {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/centres"));
        assertThat(get("/centres").body()).contains(">C-PAGES</a>");
        assertThat(get("/centres/C-PAGES").body()).contains(PageFixtures.COHORT, "At risk across the centre");
        assertThat(get("/learners?id=P-001").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/learners/P-001"));

        HttpResponse<String> api = SeededCohort.get(base + "/api/centres/" + PageFixtures.CENTRE + "/cohorts/" + PageFixtures.COHORT, "application/json");
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(api.body()).contains("\"cohortId\":\"" + PageFixtures.COHORT + "\"");
    }

    private static java.util.List<String> learnersIn(String html) {
        return Pattern.compile("data-learner=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }
}
