package io.qualtrack.report.pages;

import io.qualtrack.testsupport.PageSession;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.report.TestEvents;
import io.qualtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static io.qualtrack.report.pages.SeededCohort.PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in headless Chromium against a running report-service fed through Kafka, signed in through the test
 * issuer's redirects as the centre's manager: the grid, the heatmap, the trend and the learner page; a filter applied
 * with the form; the CSV downloaded; a new learner appearing without a reload; a phone-width render; then signed out
 * and in again as a learner, who sees their own page only. Screenshots go to target/screenshots.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest extends ReportServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    /** Elements reaching past the screen's right edge, except inside the tables' own scrolling regions. */
    private static final String SPILLING_SIDEWAYS = """
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join(''));
            """;

    private HeadlessChromium chromium;
    private String base;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        base = "http://localhost:" + port;
        SeededCohort.seed(brokers, PageSession.signedIn(base, PageFixtures.MANAGER));
        TestIssuer.shared().signInAs(PageFixtures.MANAGER);
        open("/");
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/centres"));
        assertThat(find(".signed-in").getText()).contains("Pat Manager", "Staff of C-PAGES", "Sign out");
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void open(String path) {
        chromium.driver().get(base + path);
    }

    private List<String> gridLearners() {
        // read in one script: the live refresh may swap the grid between two WebDriver calls
        return ((List<?>) chromium.script("return [...document.querySelectorAll('#grid tbody tr')].map(r => r.dataset.learner)"))
                .stream().map(String::valueOf).toList();
    }

    private WebElement find(String css) {
        return chromium.driver().findElement(By.cssSelector(css));
    }

    @Test
    @Order(1)
    void theCohortPageShowsTheGridTheHeatmapAndTheTrend() {
        open(PATH);

        assertThat(chromium.driver().getTitle()).contains("Cohort " + PageFixtures.COHORT);
        assertThat(gridLearners()).containsExactly("P-001", "P-002", "P-003", "P-004", "P-005", "P-006", "P-007", "P-008");
        assertThat(find("#grid tr[data-learner='P-005']").getText()).contains("At risk", "points behind");
        assertThat(find("#grid thead").getText()).contains("SELM7-01", "Leading the School Strategically", "SELM7-03");
        List<WebElement> cells = chromium.driver().findElements(By.cssSelector("#heatmap td.heat-cell"));
        assertThat(cells).hasSize(6);
        assertThat(cells.getFirst().getText()).contains("1.1", "met", "evidenced", "Critically analyse how strategic leadership");
        assertThat(find("#heatmap").getText()).contains("Leading the Quality of Teaching, Learning and Assessment");
        assertThat(find("#trend svg .met-line").getAttribute("points").split(" ")).hasSizeGreaterThan(100);
        assertThat(find("#trend svg").getAttribute("aria-labelledby")).isEqualTo("trend-title trend-desc");
        assertThat(find("#at-risk").getText()).contains("P-004", "P-005", "P-006", "criteria awaiting assessment");
        chromium.screenshot("cohort");
    }

    @Test
    @Order(2)
    void aFilterFromTheFormAndASortFromAColumnHeadingNarrowAndOrderTheGrid() {
        open(PATH);

        new Select(find("#f-rag")).selectByValue("RED");
        find("#learners form button[type=submit]").click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("rag=RED"));
        assertThat(gridLearners()).containsExactly("P-004", "P-005");
        assertThat(find("#grid .shown").getText()).isEqualTo("Showing 2 of 8 learners");

        find("#grid th[aria-sort] a[href*='sort=percentMet']").click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=percentMet"));
        assertThat(gridLearners()).containsExactly("P-005", "P-004");
        assertThat(new Select(find("#f-rag")).getFirstSelectedOption().getText()).startsWith("At risk");
        chromium.screenshot("cohort-filtered");
    }

    @Test
    @Order(3)
    void theCsvDownloadHoldsWhatTheGridShows() throws IOException {
        open(PATH + "?rag=RED&sort=percentMet");
        try (Stream<Path> old = Files.list(chromium.downloads())) {
            old.forEach(file -> file.toFile().delete());
        }

        find("#grid a[download]").click();

        Path csv = chromium.downloads().resolve(PageFixtures.CENTRE + "-" + PageFixtures.COHORT + "-learners.csv");
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("learner_id,qualification,rag,percent_met");
        assertThat(lines.stream().skip(1).map(line -> line.split(",")[0])).containsExactly("P-005", "P-004");
    }

    @Test
    @Order(4)
    void theLearnerPageShowsEachCriterionAndWhatToEvidenceNextBesideTheUnitsAdvice() {
        open("/learners/P-003");

        WebElement next = find(".next");
        assertThat(next.getText()).contains("What to evidence next", "2.1", "Formulate a strategic plan",
                "The assessor judged this not yet met", "Assessment guidance", "Ground every claim in evidence",
                "Common mistakes", "Describing strategy instead of analysing it");
        WebElement criteria = find(".next-unit .next-criteria");
        WebElement advice = find(".next-unit .advice");
        assertThat(advice.getLocation().getX()).as("the advice sits beside the criteria").isGreaterThan(criteria.getLocation().getX() + 200);
        assertThat(find(".standing").getText()).contains("Criteria met", "Expected by today");
        List<WebElement> rows = chromium.driver().findElements(By.cssSelector("table.criteria tbody tr"));
        assertThat(rows).hasSize(6);
        assertThat(rows.getFirst().getText()).contains("1.1", "Critically analyse", "Met, awaiting verification", "EV-11-portfolio", "A. Assessor");
        assertThat(rows.get(2).getText()).contains("Not yet met: more evidence needed");
        chromium.screenshot("learner");
    }

    @Test
    @Order(5)
    void newActivityAppearsWithoutAReload() {
        open(PATH);
        chromium.script("window.stillTheSamePage = true");
        assertThat(gridLearners()).doesNotContain("P-009");

        new TestEvents(brokers).publish(PageFixtures.latecomer());

        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> gridLearners().contains("P-009"));
        assertThat(chromium.script("return window.stillTheSamePage")).as("the page was not reloaded").isEqualTo(true);
        assertThat(find("#live-status").getText()).startsWith("Updated with new activity");
        assertThat(find("#overview").getText()).contains("9");
    }

    @Test
    @Order(6)
    void theKeyboardReachesTheSkipLinkFirstAndEveryControlHasALabel() {
        open(PATH);

        find("body").sendKeys(Keys.TAB);
        assertThat(chromium.driver().switchTo().activeElement().getText()).isEqualTo("Skip to the content");
        Object unlabelled = chromium.script("return [...document.querySelectorAll('input:not([type=hidden]), select')]"
                + ".filter(e => !(e.labels && e.labels.length)).map(e => e.name)");
        assertThat((List<?>) unlabelled).isEmpty();
        Object headless = chromium.script("return [...document.querySelectorAll('table')].filter(t => !t.querySelector('th')).length");
        assertThat(((Number) headless).intValue()).isZero();
    }

    @Test
    @Order(7)
    void atPhoneWidthNothingSpillsSideways() {
        chromium.phone(390, 844);
        try {
            for (String path : List.of(PATH, "/learners/P-003", "/centres")) {
                open(path);
                assertThat((List<?>) chromium.script(SPILLING_SIDEWAYS)).as("elements wider than the screen on %s", path).isEmpty();
            }
            open(PATH);
            chromium.screenshot("cohort-phone");
            open("/learners/P-003");
            chromium.screenshot("learner-phone");
        } finally {
            chromium.desktop();
        }
    }

    @Test
    @Order(8)
    void theCentrePagesAndAnUnknownCohortLookRight() {
        open("/");
        assertThat(chromium.driver().getCurrentUrl()).endsWith("/centres");
        assertThat(find("main").getText()).contains("C-PAGES");
        chromium.screenshot("centres");

        open("/centres/" + PageFixtures.CENTRE);
        assertThat(find("main").getText()).contains(PageFixtures.COHORT, "At risk across the centre");
        chromium.screenshot("centre");

        open("/centres/" + PageFixtures.CENTRE + "/cohorts/NOPE");
        assertThat(find("h1").getText()).isEqualTo("We could not find that page");
        chromium.screenshot("not-found");
    }

    @Test
    @Order(9)
    void noPageBreaksItsContentSecurityPolicyAndTheBarsStillShowTheirShare() {
        for (String path : List.of("/centres", "/centres/" + PageFixtures.CENTRE, PATH, "/learners/P-003")) {
            open(path);
            assertThat(chromium.policyViolations()).as("refused by the policy on %s", path).isEmpty();
        }
        open(PATH);
        Object widths = chromium.script("return [...document.querySelectorAll('#grid .bar-fill')].map(b => b.getBoundingClientRect().width)");
        assertThat(((List<?>) widths).stream().mapToDouble(w -> ((Number) w).doubleValue()).max().orElse(0))
                .as("the widest bar in the grid").isGreaterThan(10);
    }

    @Test
    @Order(10)
    void signingOutAndInAsALearnerShowsTheirOwnPageAndNoOneElses() {
        find(".sign-out").click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/signed-out"));
        assertThat(find("h1").getText()).isEqualTo("You have signed out");
        assertThat(chromium.driver().findElements(By.cssSelector(".signed-in"))).isEmpty();
        chromium.screenshot("signed-out");

        TestIssuer.shared().signInAs(PageFixtures.LEARNER);
        find("main a.button").click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/learners/P-003"));
        assertThat(find(".signed-in").getText()).contains("Priya Learner", "Learner P-003");
        assertThat(find(".masthead nav").getText()).isEqualTo("My progress");
        assertThat(chromium.driver().findElements(By.id("lookup-id"))).as("no learner look-up for a learner").isEmpty();
        assertThat(find(".enrolment .meta").getText()).contains("Cohort " + PageFixtures.COHORT);
        chromium.screenshot("learner-signed-in");

        open("/learners/P-001");
        assertThat(find("h1").getText()).isEqualTo("We could not find that page");
        open(PATH);
        assertThat(find("h1").getText()).isEqualTo("We could not find that page");
        assertThat(find("main").getText()).doesNotContain("P-001");
        chromium.screenshot("learner-refused");
    }
}
