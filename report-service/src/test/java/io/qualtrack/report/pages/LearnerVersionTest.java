package io.qualtrack.report.pages;

import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.report.TestEvents;
import io.qualtrack.report.cohort.EnrolmentKey;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.testsupport.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The version a learner's page polls tells staff nothing about the learner's enrolments at other centres. */
class LearnerVersionTest extends ReportServiceIntegrationTest {

    private static final Instant RECENTLY = Snapshots.START.plusDays(140).atStartOfDay().toInstant(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    EnrolmentViewStore views;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aChangeAtAnotherCentreDoesNotMoveTheVersionStaffSee() {
        TestEvents events = new TestEvents(brokers);
        PageSession manager = PageSession.signedIn("http://localhost:" + port, PageFixtures.MANAGER);
        events.publish(Snapshots.changed(Snapshots.progress("VER-1", PageFixtures.CENTRE, "V-1", RECENTLY,
                MET, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1));
        events.publish(Snapshots.changed(elsewhere(MET, NOT_STARTED), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> manager.get("/learners/VER-1/version", "text/plain").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> elsewhereRevisionStored(1));
        String before = manager.get("/learners/VER-1/version", "text/plain").body();

        events.publish(Snapshots.changed(elsewhere(MET, MET), 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> elsewhereRevisionStored(2));

        assertThat(manager.get("/learners/VER-1/version", "text/plain").body()).isEqualTo(before);
    }

    /** The same learner id enrolled on another qualification at a centre the manager is not staff of. */
    private static EnrolmentProgress elsewhere(CriterionStatus first, CriterionStatus second) {
        EnrolmentProgress p = Snapshots.progress("VER-1", "C-ELSEWHERE", "E-1", RECENTLY, first, second, NOT_STARTED, NOT_STARTED);
        return new EnrolmentProgress(p.learnerId(), "Q-ELSEWHERE", p.qualificationTitle(), p.centreId(), p.cohortId(), p.startDate(),
                p.plannedEndDate(), p.status(), p.enrolledAt(), p.withdrawnAt(), p.lastActivityAt(), p.summary(), p.units());
    }

    private boolean elsewhereRevisionStored(long revision) {
        return views.revisionTotal(List.of(new EnrolmentKey("C-ELSEWHERE", "VER-1", "Q-ELSEWHERE").value())) == revision;
    }
}
