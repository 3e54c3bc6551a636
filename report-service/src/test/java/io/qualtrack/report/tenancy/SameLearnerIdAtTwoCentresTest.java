package io.qualtrack.report.tenancy;

import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.report.TestEvents;
import io.qualtrack.report.cohort.EnrolmentKey;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.report.trend.CohortDay;
import io.qualtrack.report.trend.CohortDayStore;
import io.qualtrack.security.Callers;
import io.qualtrack.testsupport.TestCaller;
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
 * Two centres each call one of their learners TWIN-1 and enrol them on the same qualification: two people, two
 * enrolments with their own revisions, each counted, listed and shown only where it belongs (security finding F7).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameLearnerIdAtTwoCentresTest extends ReportServiceIntegrationTest {

    private static final String HILL = "C-HILL";
    private static final String VALE = "C-VALE";
    private static final String TWIN = "TWIN-1";
    private static final Instant MARCH = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-20T10:00:00Z");
    private static final TestCaller HILL_LEARNER = TestCaller.learner(HILL, TWIN);
    private static final TestCaller VALE_LEARNER = TestCaller.learner(VALE, TWIN);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    EnrolmentViewStore views;

    @Autowired
    CohortDayStore days;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private TestEvents events;

    @BeforeAll
    void twoPeopleWithOneId() {
        events = new TestEvents(brokers);
        // Vale's enrolment is at a higher revision first: Hill's lower ones are not older, they are someone else's
        events.publish(Snapshots.changed(twin(VALE, "V-1", MARCH, MET, NOT_STARTED), 7));
        events.publish(Snapshots.changed(twin(HILL, "H-1", MARCH, MET, NOT_STARTED), 1));
        events.publish(Snapshots.changed(twin(HILL, "H-1", MAY, MET, MET), 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api("/api/centres/C-HILL/cohorts/H-1", TestCaller.operations())).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(1))
                    .hasPathSatisfying("$.averagePercentMet", n -> n.assertThat().as("revision 2").isEqualTo(50.0));
            assertThat(api("/api/centres/C-VALE/cohorts/V-1", TestCaller.operations())).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(1));
        });
    }

    @Test
    void eachCentresCohortCountsOnlyItsOwnEnrolment() throws Exception {
        assertThat(api("/api/centres/C-HILL/cohorts/H-1", TestCaller.staff(HILL))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.averagePercentMet", n -> n.assertThat().isEqualTo(50.0))
                .hasPathSatisfying("$.criteria[1].met", n -> n.assertThat().isEqualTo(1));
        assertThat(api("/api/centres/C-VALE/cohorts/V-1", TestCaller.staff(VALE))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.averagePercentMet", n -> n.assertThat().isEqualTo(25.0))
                .hasPathSatisfying("$.criteria[1].met", n -> n.assertThat().isEqualTo(0));
        assertThat(api("/api/centres", TestCaller.operations())).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[?(@.centreId == 'C-HILL')].learners", n -> n.assertThat().asList().containsExactly(1))
                .hasPathSatisfying("$[?(@.centreId == 'C-VALE')].learners", n -> n.assertThat().asList().containsExactly(1));

        assertThat(csv("/api/centres/C-HILL/cohorts/H-1/grid.csv", TestCaller.staff(HILL))).singleElement().asString()
                .startsWith(TWIN + ",Q1,").contains(",50.0,");
        assertThat(csv("/api/centres/C-VALE/cohorts/V-1/grid.csv", TestCaller.staff(VALE))).singleElement().asString()
                .startsWith(TWIN + ",Q1,").contains(",25.0,");
        assertThat(page("/centres/C-HILL/cohorts/H-1", TestCaller.staff(HILL))).hasStatusOk().bodyText()
                .contains("data-learner=\"TWIN-1\"").doesNotContain("V-1");

        assertThat(days.days(HILL, "H-1")).as("the trend of each cohort holds its own learner once")
                .containsExactlyInAnyOrder(new CohortDay(Snapshots.START, 1, 0.0), new CohortDay(day(MAY), 0, 50.0));
        assertThat(days.days(VALE, "V-1"))
                .containsExactlyInAnyOrder(new CohortDay(Snapshots.START, 1, 0.0), new CohortDay(day(MARCH), 0, 25.0));
    }

    @Test
    void aLearnerSeesOnlyTheEnrolmentAtTheCentreTheirTokenNames() throws Exception {
        assertThat(api("/api/learners/TWIN-1/dashboard", HILL_LEARNER)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly(HILL))
                .hasPathSatisfying("$.enrolments[*].cohortId", c -> c.assertThat().asList().containsExactly("H-1"));
        assertThat(api("/api/learners/TWIN-1/dashboard", VALE_LEARNER)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly(VALE));
        assertThat(api("/api/learners/TWIN-1/dashboard", TestCaller.learner("C-ELSEWHERE", TWIN)))
                .as("an id at a centre that has no such learner reads like an unknown id")
                .hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("learner TWIN-1 is not found");

        assertThat(page("/learners/TWIN-1", HILL_LEARNER)).hasStatusOk().bodyText()
                .contains("Cohort H-1", "at <span>C-HILL</span>").doesNotContain("V-1", "C-VALE");
        assertThat(page("/learners/TWIN-1/version", HILL_LEARNER)).hasStatusOk();
        assertThat(page("/learners/TWIN-1", TestCaller.learner("C-ELSEWHERE", TWIN))).hasStatus(404);
    }

    @Test
    void staffSeeTheirCentresEnrolmentAndOperationsSeeBothEachLabelledWithItsCentre() throws Exception {
        assertThat(api("/api/learners/TWIN-1/dashboard", TestCaller.staff(HILL))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly(HILL));
        assertThat(api("/api/learners/TWIN-1/dashboard", TestCaller.staff(VALE))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly(VALE));
        assertThat(page("/learners/TWIN-1", TestCaller.staff(VALE))).hasStatusOk().bodyText()
                .contains("Cohort V-1").doesNotContain("H-1", "C-HILL", "several-centres");

        assertThat(api("/api/learners/TWIN-1/dashboard", TestCaller.operations())).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[*].centreId", c -> c.assertThat().asList().containsExactly(HILL, VALE))
                .hasPathSatisfying("$.enrolments[*].cohortId", c -> c.assertThat().asList().containsExactly("H-1", "V-1"));
        assertThat(page("/learners/TWIN-1", TestCaller.operations())).hasStatusOk().bodyText()
                .contains(">C-HILL</a>", ">C-VALE</a>", "TWIN-1 at C-HILL, C-VALE may be different people");
    }

    @Test
    void aSnapshotOfOneNeverMovesTheOthersRevision() throws Exception {
        String staffVersion = page("/learners/TWIN-1/version", TestCaller.staff(HILL)).getResponse().getContentAsString();

        events.publish(Snapshots.changed(twin(VALE, "V-1", MARCH, MET, NOT_STARTED), 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> revision(VALE) == 8);

        assertThat(revision(HILL)).isEqualTo(2);
        assertThat(page("/learners/TWIN-1/version", TestCaller.staff(HILL)).getResponse().getContentAsString()).isEqualTo(staffVersion);

        events.publish(Snapshots.changed(twin(HILL, "H-1", MAY, MET, MET), 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> revision(HILL) == 3);
        assertThat(revision(VALE)).isEqualTo(8);
    }

    private long revision(String centre) {
        return views.revisionTotal(List.of(new EnrolmentKey(centre, TWIN, "Q1").value()));
    }

    private static EnrolmentProgress twin(String centre, String cohort, Instant at, CriterionStatus first, CriterionStatus second) {
        return Snapshots.progress(TWIN, centre, cohort, at, first, second, NOT_STARTED, NOT_STARTED);
    }

    private static java.time.LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private List<String> csv(String path, TestCaller caller) throws Exception {
        var answer = api(path, caller).exchange();
        assertThat(answer).hasStatusOk();
        return answer.getResponse().getContentAsString().lines().skip(1).toList();
    }

    private MockMvcTester.MockMvcRequestBuilder api(String path, TestCaller caller) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(caller));
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult page(String path, TestCaller caller) {
        return mvc.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.TEXT_PLAIN).with(signedIn(caller)).exchange();
    }

    /** Signed in to the pages with an ID token carrying the caller's claims, its roles mapped as sign-in maps them. */
    private static RequestPostProcessor signedIn(TestCaller caller) {
        return oidcLogin().idToken(token -> token.subject(caller.subject()).claims(claims -> claims.putAll(caller.claims())))
                .authorities(Callers.authorities(caller.subject(), caller.claims()));
    }
}
