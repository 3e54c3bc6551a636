package io.qualtrack.progress.security;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.progress.ProgressServiceIntegrationTest;
import io.qualtrack.progress.catalogue.TestCatalogue;
import io.qualtrack.progress.tracking.Activities;
import io.qualtrack.progress.tracking.SmallCatalogue;
import io.qualtrack.testsupport.BadTokenFlood;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestIssuer;
import io.qualtrack.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may submit whose activity and read whose progress, with real tokens from the test issuer. */
class ProgressSecurityTest extends ProgressServiceIntegrationTest {

    private static final String OTHER_CENTRE = "C-2";
    private static final String SECOND_QUALIFICATION = "Q-SECOND";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @BeforeEach
    void catalogue() {
        TestCatalogue.publish(kafka);
        TestCatalogue.publish(kafka, new QualificationDefinition(SECOND_QUALIFICATION, 1, "Another qualification", 7, List.of("U-ONE")));
    }

    private static String body(LearnerActivityEvent... events) {
        return JSON.writerFor(JSON.getTypeFactory().constructCollectionType(List.class, LearnerActivityEvent.class))
                .writeValueAsString(List.of(events));
    }

    private MvcTestResult post(String authorization, String body) {
        return mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

    private MvcTestResult progress(String learnerId, TestCaller caller) {
        return mvc.get().uri("/api/learners/" + learnerId + "/progress").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(caller)).exchange();
    }

    @Test
    void onlyACentresSystemAndStaffSubmitItsActivity() {
        String enrolment = body(new Activities("SEC-ANY", CENTRE, SmallCatalogue.QUALIFICATION).enrolled(0));
        for (TestCaller refused : List.of(TestCaller.learner(CENTRE, "SEC-ANY"), TestCaller.author(), TestCaller.operations(), TestCaller.nobody())) {
            assertThat(post(TestTokens.bearer(refused), enrolment)).as(refused.subject()).hasStatus(403);
        }
        assertThat(post(TestTokens.bearer(TestCaller.submitter(CENTRE)), enrolment)).hasStatus(202);
        assertThat(post(TestTokens.bearer(TestCaller.staff(CENTRE)), enrolment)).hasStatus(202);
    }

    @Test
    void aCentreIdInTheBodyThatIsNotTheTokensIsRefusedWithNothingAccepted() {
        var ours = new Activities("SEC-OURS", CENTRE, SmallCatalogue.QUALIFICATION).enrolled(0);
        var theirs = new Activities("SEC-THEIRS", OTHER_CENTRE, SmallCatalogue.QUALIFICATION).enrolled(0);

        assertThat(post(TestTokens.bearer(TestCaller.submitter(CENTRE)), body(ours, theirs))).hasStatus(403)
                .bodyJson().hasPathSatisfying("$.detail", detail -> detail.assertThat().asString()
                        .contains("[1]").contains("none of the 2").doesNotContain(OTHER_CENTRE));
        assertThat(post(TestTokens.bearer(TestCaller.staff(CENTRE)), body(theirs))).hasStatus(403);
        assertThat(post(TestTokens.bearer(TestCaller.submitter(CENTRE, OTHER_CENTRE)), body(ours, theirs)))
                .as("a system acting for both centres").hasStatus(202);
    }

    @Test
    void learnersReadOnlyThemselvesAndStaffOnlyTheEnrolmentsAtTheirCentres() throws Exception {
        var northAtHome = new Activities("SEC-NORTH", CENTRE, SmallCatalogue.QUALIFICATION);
        var northOnASecondQualification = new Activities("SEC-NORTH", CENTRE, SECOND_QUALIFICATION);
        // the other centre's own learner who happens to have the same reference, on the same qualification
        var sameIdElsewhere = new Activities("SEC-NORTH", OTHER_CENTRE, SmallCatalogue.QUALIFICATION);
        var south = new Activities("SEC-SOUTH", OTHER_CENTRE, SmallCatalogue.QUALIFICATION);
        assertThat(post(TestTokens.bearer(TestCaller.submitter(CENTRE)), body(northAtHome.enrolled(0), northOnASecondQualification.enrolled(0))))
                .hasStatus(202);
        assertThat(post(TestTokens.bearer(TestCaller.submitter(OTHER_CENTRE)), body(sameIdElsewhere.enrolled(0),
                sameIdElsewhere.evidence(1, "U-ONE", "theirs", "1.1"), south.enrolled(0)))).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(progress("SEC-NORTH", TestCaller.operations())).bodyJson().extractingPath("$.enrolments.length()").isEqualTo(3);
            assertThat(progress("SEC-SOUTH", TestCaller.operations())).hasStatusOk();
        });

        assertThat(progress("SEC-NORTH", TestCaller.learner(CENTRE, "SEC-NORTH"))).bodyJson()
                .extractingPath("$.enrolments[*].progress.centreId").asArray().containsExactly(CENTRE, CENTRE);
        assertThat(progress("SEC-NORTH", TestCaller.staff(CENTRE))).bodyJson()
                .satisfies(json -> assertThat(json).extractingPath("$.enrolments[*].progress.centreId").asArray().containsExactly(CENTRE, CENTRE))
                .extractingPath("$..evidenceRefs[*]").asArray().as("the other centre's evidence never reaches this learner").isEmpty();
        assertThat(progress("SEC-NORTH", TestCaller.learner(OTHER_CENTRE, "SEC-NORTH"))).bodyJson()
                .extractingPath("$.enrolments[*].progress.centreId").asArray().containsExactly(OTHER_CENTRE);
        assertThat(progress("SEC-NORTH", TestCaller.staff(OTHER_CENTRE))).bodyJson()
                .extractingPath("$..evidenceRefs[*]").asArray().containsExactly("theirs");

        String unknown = progress("SEC-NOBODY", TestCaller.staff(CENTRE)).getResponse().getContentAsString();
        for (TestCaller outsider : List.of(TestCaller.learner(CENTRE, "SEC-NORTH"), TestCaller.staff(CENTRE))) {
            MvcTestResult refused = progress("SEC-SOUTH", outsider);
            assertThat(refused).as(outsider.subject()).hasStatus(404);
            assertThat(refused.getResponse().getContentAsString()).as("the same answer as for a learner nobody knows")
                    .isEqualTo(unknown.replace("SEC-NOBODY", "SEC-SOUTH")).doesNotContain(OTHER_CENTRE);
        }
        assertThat(progress("SEC-SOUTH", TestCaller.author())).hasStatus(403);
        assertThat(progress("SEC-SOUTH", TestCaller.submitter(OTHER_CENTRE))).as("systems submit, they do not read").hasStatus(403);
    }

    @Test
    void prometheusReadsTheMetricsAndCannotTouchTheOperationsApiOrAnyonesProgress() {
        String prometheus = TestTokens.bearer(TestCaller.metricsReader());
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, prometheus)).hasStatusOk()
                .bodyText().contains("qualtrack_progress_parked");
        for (String path : List.of("/actuator/metrics", "/actuator/env", "/api/operations/dead-letters", "/api/learners/SEC-ANY/progress")) {
            assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, prometheus)).as(path).hasStatus(403);
        }
        for (String path : List.of("/api/operations/dead-letters/redrive", "/api/operations/progress/republish?limit=1")) {
            assertThat(mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content("{}").header(HttpHeaders.AUTHORIZATION, prometheus))
                    .as(path).hasStatus(403);
        }
        assertThat(post(prometheus, body(new Activities("SEC-ANY", CENTRE, SmallCatalogue.QUALIFICATION).enrolled(0)))).hasStatus(403);
    }

    @Test
    void tokensThatAreNotGoodEnoughAreRefused() {
        TestIssuer issuer = TestIssuer.shared();
        TestCaller staff = TestCaller.staff(CENTRE);
        String enrolment = body(new Activities("SEC-ANY", CENTRE, SmallCatalogue.QUALIFICATION).enrolled(0));
        for (String token : List.of(issuer.expiredToken(staff.subject(), staff.claims()),
                issuer.tamperedToken(staff.subject(), staff.claims()),
                issuer.tokenOfAnotherIssuer(staff.subject(), staff.claims()),
                issuer.tokenForAnotherAudience(staff.subject(), staff.claims()), "not-a-jwt")) {
            assertThat(post("Bearer " + token, enrolment)).hasStatus(401).headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE);
            assertThat(mvc.get().uri("/api/learners/SEC-ANY/progress").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .hasStatus(401).bodyJson().extractingPath("$.status").isEqualTo(401);
        }
        assertThat(post("", enrolment)).as("no token at all").hasStatus(401);
    }

    @Test
    void anAddressSendingBadTokensIsRefusedWith429BeforeTheyAreReadWhileOtherAddressesAndTheProbesAreNot() {
        BadTokenFlood.assertLimitedByAddress(mvc, "/api/operations/dead-letters", TestCaller.operations());
    }
}
