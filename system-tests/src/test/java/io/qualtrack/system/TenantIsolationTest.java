package io.qualtrack.system;

import io.qualtrack.testsupport.PageSession;
import io.qualtrack.testsupport.TestCaller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.qualtrack.system.IsolationCaller.AUTHOR;
import static io.qualtrack.system.IsolationCaller.METRICS_READER;
import static io.qualtrack.system.IsolationCaller.NOBODY;
import static io.qualtrack.system.IsolationCaller.NORTH_LEARNER;
import static io.qualtrack.system.IsolationCaller.NORTH_STAFF;
import static io.qualtrack.system.IsolationCaller.NORTH_SYSTEM;
import static io.qualtrack.system.IsolationCaller.NO_TOKEN;
import static io.qualtrack.system.IsolationCaller.OPERATIONS;
import static io.qualtrack.system.IsolationCaller.SOUTH_LEARNER;
import static io.qualtrack.system.IsolationCaller.SOUTH_STAFF;
import static io.qualtrack.system.IsolationSeed.NORTH;
import static io.qualtrack.system.IsolationSeed.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two centres, each with a canary learner seeded through the public APIs by the centre's own system; then every
 * endpoint of the three services as every caller. Each must get the expected status, and no answer may carry the data
 * of a centre the caller may not see (unless the caller named it in the request). The matrix of what was tried is
 * printed and kept in {@code target/isolation-matrix.txt}.
 */
class TenantIsolationTest {

    private static final RunningSystem SYSTEM = RunningSystem.shared();
    private static final Map<IsolationCaller, PageSession> SESSIONS = new EnumMap<>(IsolationCaller.class);
    private static final String N = NORTH.centreId();
    private static final String S = SOUTH.centreId();
    private static final String N_COHORT = "/api/centres/" + N + "/cohorts/" + NORTH.cohortId();

    private static String criterion;
    private static int unitVersion;

    @BeforeAll
    static void twoCentresWithACanaryEach() {
        JsonNode unit = Http.get(SYSTEM.contentPort, "/api/units/SELM7-04", TestCaller.operations()).json();
        criterion = unit.at("/learningOutcomes/0/criteria/0/code").asString();
        unitVersion = unit.get("version").asInt();
        NORTH.seed(SYSTEM, criterion, unitVersion);
        SOUTH.seed(SYSTEM, criterion, unitVersion);
    }

    private static List<IsolationProbe> probes() {
        String draft = "{\"title\":\"\",\"learningOutcomes\":[]}";
        return List.of(
                IsolationProbe.content("GET", "/api/units").signedIn(200).as(403, METRICS_READER),
                IsolationProbe.content("GET", "/api/units/SELM7-04/versions/1").signedIn(200).as(403, METRICS_READER),
                IsolationProbe.content("GET", "/api/qualifications/SELM7-CERT").signedIn(200).as(403, METRICS_READER),
                IsolationProbe.content("POST", "/api/units/SELM7-04/versions").sending("application/json", draft, "(invalid draft)")
                        .as(400, IsolationCaller.AUTHOR),
                IsolationProbe.content("POST", "/api/unit-pages?code=not%20a%20code").sending("text/plain", "Unit 1", "")
                        .as(400, IsolationCaller.AUTHOR),
                IsolationProbe.progress("POST", "/api/activities")
                        .sending("application/json", NORTH.evidence(criterion, unitVersion), "[" + N + " item]").as(202, NORTH_STAFF, NORTH_SYSTEM),
                IsolationProbe.progress("POST", "/api/activities")
                        .sending("application/json", SOUTH.evidence(criterion, unitVersion), "[" + S + " item]").as(202, SOUTH_STAFF),
                IsolationProbe.progress("GET", "/api/learners/" + NORTH.canary() + "/progress")
                        .as(200, NORTH_STAFF, NORTH_LEARNER, OPERATIONS).as(404, SOUTH_STAFF, SOUTH_LEARNER),
                IsolationProbe.report("GET", "/api/centres").as(200, NORTH_STAFF, SOUTH_STAFF, OPERATIONS),
                IsolationProbe.report("GET", "/api/centres?centreId=" + S).as(200, NORTH_STAFF, SOUTH_STAFF, OPERATIONS),
                northCentre("/api/centres/" + N + "/cohorts"),
                northCentre(N_COHORT),
                northCentre(N_COHORT + "/learners?size=500"),
                northCentre(N_COHORT + "/grid.csv"),
                northCentre("/api/centres/" + N + "/at-risk"),
                IsolationProbe.report("GET", "/api/centres/" + S + "/cohorts/" + SOUTH.cohortId() + "/grid.csv?centreId=" + N)
                        .as(200, SOUTH_STAFF, OPERATIONS).as(404, NORTH_STAFF),
                IsolationProbe.report("GET", "/api/learners/" + NORTH.canary() + "/dashboard")
                        .as(200, NORTH_STAFF, NORTH_LEARNER, OPERATIONS).as(404, SOUTH_STAFF, SOUTH_LEARNER),
                IsolationProbe.content("GET", "/actuator/prometheus").as(200, OPERATIONS, METRICS_READER),
                IsolationProbe.progress("GET", "/actuator/prometheus").as(200, OPERATIONS, METRICS_READER),
                IsolationProbe.progress("GET", "/actuator/metrics").as(200, OPERATIONS),
                IsolationProbe.report("GET", "/actuator/prometheus").as(200, OPERATIONS, METRICS_READER),
                IsolationProbe.progress("GET", "/api/operations/dead-letters").as(200, OPERATIONS),
                IsolationProbe.progress("POST", "/api/operations/progress/republish?limit=1").as(200, OPERATIONS),
                IsolationProbe.report("GET", "/actuator/health/readiness").signedIn(200).as(200, NO_TOKEN),
                IsolationProbe.page("/centres").as(200, NORTH_STAFF, SOUTH_STAFF, OPERATIONS, AUTHOR, NOBODY)
                        .as(302, NORTH_LEARNER, SOUTH_LEARNER),
                northPage("/centres/" + N),
                northPage("/centres/" + N + "/cohorts/" + NORTH.cohortId()),
                northPage("/centres/" + N + "/cohorts/" + NORTH.cohortId() + "/grid.csv"),
                IsolationProbe.page("/learners/" + NORTH.canary()).as(200, NORTH_STAFF, NORTH_LEARNER, OPERATIONS));
    }

    /** A page of C-ISO-NORTH's: its staff and operations; everyone else signed in learns nothing (404). */
    private static IsolationProbe northPage(String path) {
        return IsolationProbe.page(path).as(200, NORTH_STAFF, OPERATIONS);
    }

    /** Something of C-ISO-NORTH's in report-service: its staff and operations only; staff elsewhere learn nothing. */
    private static IsolationProbe northCentre(String path) {
        return IsolationProbe.report("GET", path).as(200, NORTH_STAFF, OPERATIONS).as(404, SOUTH_STAFF);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRolesAndCentresAllowAndNeverWithAnotherCentresData() throws IOException {
        IsolationMatrix matrix = new IsolationMatrix();
        for (IsolationProbe probe : probes()) {
            for (IsolationCaller caller : IsolationCaller.values()) {
                Http.Response answer = probe.isPage() && caller.person() != null ? onPage(caller, probe.path())
                        : Http.request(probe.method(), probe.port().applyAsInt(SYSTEM), probe.path(), probe.contentType(),
                        probe.body(), caller.authorization());
                matrix.record(probe, caller, new IsolationMatrix.Cell(answer.status(), probe.expected().get(caller),
                        leaks(probe, caller, answer.body())));
            }
        }
        matrix.publish();
        assertThat(matrix.problems()).as("calls answered otherwise than the roles and centres allow (see the matrix above)").isEmpty();
    }

    /** A page as the caller sees it in a browser: signed in once through the test issuer, redirects not followed. */
    private static Http.Response onPage(IsolationCaller caller, String path) {
        PageSession session = SESSIONS.computeIfAbsent(caller,
                signingIn -> PageSession.signedIn("http://localhost:" + SYSTEM.reportPort, signingIn.person()));
        HttpResponse<String> answer = session.get(path);
        return new Http.Response(answer.statusCode(), answer.body());
    }

    /** Another centre's id, cohort or canary in the answer, that the request did not name itself. */
    private static boolean leaks(IsolationProbe probe, IsolationCaller caller, String body) {
        return List.of(IsolationSeed.values()).stream().filter(seed -> !caller.sees.contains(seed))
                .flatMap(seed -> seed.traces().stream()).filter(trace -> !probe.asks(trace)).anyMatch(body::contains);
    }

    @Test
    void aggregatesCountOnlyTheCallersCentre() {
        JsonNode centres = Http.get(SYSTEM.reportPort, "/api/centres?centreId=" + S, TestCaller.staff(N)).json();
        assertThat(centres.findValuesAsString("centreId")).containsExactly(N);
        assertThat(centres.get(0).get("learners").asInt()).isEqualTo(1);

        JsonNode all = Http.get(SYSTEM.reportPort, "/api/centres", TestCaller.operations()).json();
        assertThat(StreamSupport.stream(all.spliterator(), false).filter(centre -> centre.get("centreId").asString().startsWith("C-ISO-"))
                .map(centre -> centre.get("centreId").asString() + "=" + centre.get("learners").asInt()))
                .containsExactlyInAnyOrder(N + "=1", S + "=1");

        assertThat(Http.get(SYSTEM.reportPort, N_COHORT, TestCaller.staff(N)).json().get("learners").asInt()).isEqualTo(1);
        assertThat(Http.get(SYSTEM.reportPort, "/api/centres/" + N + "/at-risk", TestCaller.staff(N)).json().findValuesAsString("learnerId"))
                .allMatch(NORTH.canary()::equals);
    }

    @Test
    void theCsvExportHoldsOnlyTheCallersCentre() {
        String csv = Http.get(SYSTEM.reportPort, N_COHORT + "/grid.csv", TestCaller.staff(N)).body();
        assertThat(csv).contains(NORTH.canary()).doesNotContain(SOUTH.canary());
        assertThat(Http.get(SYSTEM.reportPort, "/api/centres/" + S + "/cohorts/" + SOUTH.cohortId() + "/grid.csv", TestCaller.staff(N))
                .status()).isEqualTo(404);
    }

    @Test
    void aPageIsNeverLargerThanTheCap() {
        JsonNode page = Http.get(SYSTEM.reportPort, N_COHORT + "/learners?size=100000", TestCaller.operations()).json();
        assertThat(page.get("size").asInt()).isEqualTo(100);
    }

    @Test
    void aCentresSystemCannotSeedAnotherCentre() {
        String intoSouth = ActivityJson.event("LearnerEnrolled", S, "INTRUDER", ",\"cohortId\":\"%s\",\"startDate\":\"2026-01-05\",\"plannedEndDate\":\"2027-01-05\""
                .formatted(SOUTH.cohortId()));
        assertThat(Http.post(SYSTEM.progressPort, "/api/activities", intoSouth, TestCaller.submitter(N)).status()).isEqualTo(403);
        assertThat(Http.get(SYSTEM.reportPort, "/api/centres/" + S + "/cohorts/" + SOUTH.cohortId(), TestCaller.staff(S))
                .json().get("learners").asInt()).isEqualTo(1);
    }

    /**
     * A learner id is the centre's own reference: a third centre enrolling its own learner under the north canary's id
     * (same qualification, same unit) gets its enrolment applied, and neither centre sees, blocks or changes the other.
     */
    @Test
    void anotherCentreUsingTheSameLearnerIdNeitherBlocksNorSeesNorChangesTheFirst() {
        String third = "C-SAME-ID";
        String canary = NORTH.canary();
        LocalDate start = LocalDate.now().minusMonths(1);
        String enrolled = ActivityJson.event("LearnerEnrolled", third, canary,
                ",\"cohortId\":\"K-SAME-ID\",\"startDate\":\"%s\",\"plannedEndDate\":\"%s\"".formatted(start, start.plusMonths(9)));
        String evidence = ActivityJson.event("EvidenceSubmitted", third, canary,
                ",\"unitCode\":\"SELM7-04\",\"unitVersion\":%d,\"evidenceRef\":\"same-id-evidence\",\"criterionCodes\":[\"%s\"]"
                        .formatted(unitVersion, criterion));
        assertThat(Http.post(SYSTEM.progressPort, "/api/activities", "[" + enrolled + "," + evidence + "]", TestCaller.submitter(third))
                .status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                Http.get(SYSTEM.reportPort, "/api/learners/" + canary + "/dashboard", TestCaller.learner(third, canary)).body())
                .contains("same-id-evidence").contains(third).doesNotContain(N).doesNotContain("canary-essay"));
        assertThat(Http.get(SYSTEM.reportPort, "/api/centres/" + third + "/cohorts/K-SAME-ID", TestCaller.staff(third)).json()
                .get("learners").asInt()).isEqualTo(1);

        for (TestCaller north : List.of(TestCaller.learner(N, canary), TestCaller.staff(N))) {
            assertThat(Http.get(SYSTEM.reportPort, "/api/learners/" + canary + "/dashboard", north).body()).as(north.subject())
                    .contains("canary-essay").doesNotContain("same-id-evidence").doesNotContain(third);
            assertThat(Http.get(SYSTEM.progressPort, "/api/learners/" + canary + "/progress", north).body()).as(north.subject())
                    .contains("canary-essay").doesNotContain("same-id-evidence").doesNotContain(third);
        }
        assertThat(Http.get(SYSTEM.reportPort, N_COHORT, TestCaller.staff(N)).json().get("learners").asInt()).isEqualTo(1);
        assertThat(Http.get(SYSTEM.progressPort, "/api/operations/dead-letters?limit=1000", TestCaller.operations()).body())
                .as("nothing of either centre was turned away").doesNotContain(canary);
    }
}
