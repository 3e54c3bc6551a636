package io.qualtrack.report.messaging;

import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.report.TestEvents;
import io.qualtrack.report.cohort.Snapshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.EVIDENCE_SUBMITTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Progress snapshots from the topic into the cohort and learner APIs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortApiTest extends ReportServiceIntegrationTest {

    private static final Instant RECENTLY = Snapshots.START.plusDays(148).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LONG_AGO = Snapshots.START.plusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Autowired
    MockMvcTester mvc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private TestEvents events;

    private void publish(EnrolmentProgressChanged change) {
        events.publish(change);
    }

    @BeforeAll
    void cohort() {
        events = new TestEvents(brokers);
        publish(Snapshots.changed(Snapshots.progress("API-GREEN", "C-API", "K-1", RECENTLY, VERIFIED, MET, NOT_STARTED, NOT_STARTED), 3));
        publish(Snapshots.changed(Snapshots.progress("API-AMBER", "C-API", "K-1", RECENTLY, MET, EVIDENCE_SUBMITTED, NOT_STARTED, NOT_STARTED), 2));
        publish(Snapshots.changed(Snapshots.progress("API-RED", "C-API", "K-1", LONG_AGO, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1));
        publish(Snapshots.changed(Snapshots.progress("API-OTHER", "C-API", "K-2", RECENTLY, MET, MET, NOT_STARTED, NOT_STARTED), 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1")).hasStatusOk().bodyJson()
                        .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(3)));
    }

    @Test
    void summarisesACohortWithItsRagCountsAndHeatmap() {
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.byRag.GREEN", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.byRag.AMBER", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.byRag.RED", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.criteria[0].met", n -> n.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.criteria[1].awaitingAssessment", n -> n.assertThat().isEqualTo(1));
        assertThat(mvc.get().uri("/api/centres")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[?(@.centreId == 'C-API')].learners", n -> n.assertThat().asList().containsExactly(4))
                .hasPathSatisfying("$[?(@.centreId == 'C-API')].cohorts", n -> n.assertThat().asList().containsExactly(2));
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].cohortId", n -> n.assertThat().asList().containsExactly("K-1", "K-2"));
    }

    @Test
    void listsLearnersFilteredSortedAndPagedWithTheServerCappingThePageSize() {
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?rag=red")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items[*].learnerId", n -> n.assertThat().asList().containsExactly("API-RED"))
                .hasPathSatisfying("$.items[0].reasons", r -> r.assertThat().asList().anySatisfy(
                        reason -> assertThat(reason.toString()).contains("no activity for 90 days")));
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?sort=percentMet,desc&page=0&size=2")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items[*].learnerId", n -> n.assertThat().asList().containsExactly("API-GREEN", "API-AMBER"))
                .hasPathSatisfying("$.totalPages", n -> n.assertThat().isEqualTo(2));
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?size=100000")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.size", n -> n.assertThat().isEqualTo(100));
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?unit=U1&unitStatus=NOT_STARTED")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.totalItems", n -> n.assertThat().isEqualTo(1));
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?sort=shoeSize")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?rag=purple")).hasStatus(400);
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?unitStatus=MET")).hasStatus(400);
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?page=21474837&size=100")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items.length()", n -> n.assertThat().isEqualTo(0));
    }

    @Test
    void downloadsTheGridAsCsv() {
        var result = mvc.get().uri("/api/centres/C-API/cohorts/K-1/grid.csv?sort=rag,desc").exchange();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("C-API-K-1-grid.csv");
        String csv = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).startsWith("learner_id,qualification,rag,percent_met,percent_expected,days_since_last_activity,U1 percent_met,reasons\r\n"
                + "API-RED,Q1,RED,0.0,41.7,90,0.0,");
    }

    @Test
    void listsTheCentresLearnersAtRiskWithTheirReasons() {
        assertThat(mvc.get().uri("/api/centres/C-API/at-risk")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items[*].learnerId", n -> n.assertThat().asList().containsExactly("API-RED", "API-AMBER"))
                .hasPathSatisfying("$.items[1].reasons[0]", r -> r.assertThat().asString().contains("points behind"));
    }

    @Test
    void showsALearnerTheirProgressTheNextCriteriaAndTheirStatus() {
        var unit = new io.qualtrack.contract.content.UnitDefinition("U1", 1, "Unit one", "", List.of(), List.of("Cite your sources"),
                List.of("Describing instead of evaluating"), List.of(), List.of());
        events.publish(unit);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.get().uri("/api/learners/API-AMBER/dashboard"))
                .bodyJson().hasPathSatisfying("$.enrolments[0].advice[0].commonMistakes[0]",
                        m -> m.assertThat().isEqualTo("Describing instead of evaluating")));
        assertThat(mvc.get().uri("/api/learners/API-AMBER/dashboard")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.enrolments[0].onTrack.rag", r -> r.assertThat().isEqualTo("AMBER"))
                .hasPathSatisfying("$.enrolments[0].nextCriteria[*].criterionCode", c -> c.assertThat().asList().containsExactly("2.1", "2.2"))
                .hasPathSatisfying("$.enrolments[0].progress.units[0].unitCode", u -> u.assertThat().isEqualTo("U1"));
    }

    @Test
    void anOlderSnapshotNeverOverwritesANewerOne() {
        publish(Snapshots.changed(Snapshots.progress("API-GREEN", "C-API", "K-1", RECENTLY, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED), 2));
        publish(Snapshots.changed(Snapshots.progress("API-OTHER", "C-API", "K-2", RECENTLY, MET, MET, MET, NOT_STARTED), 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-2/learners"))
                .bodyJson().hasPathSatisfying("$.items[0].percentMet", n -> n.assertThat().isEqualTo(75.0)));
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/K-1/learners?rag=green")).bodyJson()
                .hasPathSatisfying("$.items[0].percentMet", n -> n.assertThat().isEqualTo(50.0));
    }

    @Test
    void unknownCentresCohortsAndLearnersAre404ProblemDetails() {
        assertThat(mvc.get().uri("/api/centres/NOPE/cohorts")).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/centres/C-API/cohorts/NOPE")).hasStatus(404);
        assertThat(mvc.get().uri("/api/centres/NOPE/at-risk")).hasStatus(404);
        assertThat(mvc.get().uri("/api/learners/NOPE/dashboard")).hasStatus(404);
    }
}
