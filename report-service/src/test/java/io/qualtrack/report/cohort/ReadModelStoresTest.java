package io.qualtrack.report.cohort;

import io.qualtrack.report.catalogue.EmptyCatalogue;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.report.trend.CohortDay;
import io.qualtrack.report.trend.CohortDayStore;
import io.qualtrack.testsupport.MongoStandIn;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch as Kafka delivers it: several revisions of one enrolment, several enrolments of one new cohort. */
class ReadModelStoresTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
    private MongoClient client;
    private EnrolmentViewStore views;
    private CohortDirectory directory;
    private CohortDayStore days;
    private MongoTemplate mongo;

    @BeforeEach
    void stores() {
        String uri = MongoStandIn.uri("read-models");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        views = new EnrolmentViewStore(mongo, new CohortDayStore(mongo), new EmptyCatalogue());
        days = new CohortDayStore(mongo);
        directory = new CohortDirectory(mongo);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void keepsTheNewestRevisionAndEveryMemberOfABatch() {
        List<EnrolmentProgressChanged> batch = List.of(
                Snapshots.changed(Snapshots.progress("B-1", "C", "K", AT, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1),
                Snapshots.changed(Snapshots.progress("B-2", "C", "K", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1),
                Snapshots.changed(Snapshots.progress("B-1", "C", "K", AT, MET, MET, NOT_STARTED, NOT_STARTED), 2));

        var applied = views.apply(batch);
        directory.join(batch.stream().map(EnrolmentProgressChanged::progress).toList());
        directory.join(batch.stream().map(EnrolmentProgressChanged::progress).toList());

        assertThat(applied.stored()).hasSize(2);
        assertThat(applied.superseded()).isEqualTo(1);
        assertThat(directory.cohort("C", "K").orElseThrow().members()).containsExactlyInAnyOrder("C|B-1|Q1", "C|B-2|Q1");
        assertThat(directory.enrolmentsOf("B-1")).containsExactly("C|B-1|Q1");
        assertThat(views.rows(List.of("C|B-1|Q1"))).singleElement()
                .satisfies(row -> assertThat(row.summary().percentMet()).isEqualTo(50.0));
        assertThat(days.days("C", "K")).as("one update per cohort day carries both enrolments' figures")
                .satisfies(d -> {
                    assertThat(d.stream().mapToInt(CohortDay::started).sum()).isEqualTo(2);
                    assertThat(d.stream().mapToDouble(CohortDay::pointsMet).sum()).isEqualTo(75.0);
                });
        assertThat(views.apply(batch).stored()).as("a redelivered batch changes nothing").isEmpty();
    }

    @Test
    void recordsCohortMembershipForNewEnrolmentsMovesAndRetriesOnly() {
        var first = Snapshots.progress("J-1", "C", "K", AT, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var second = Snapshots.progress("J-1", "C", "K", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var moved = Snapshots.progress("J-1", "C", "K2", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);

        assertThat(views.apply(List.of(Snapshots.changed(first, 1))).joining()).as("new").containsExactly(first);
        assertThat(views.apply(List.of(Snapshots.changed(second, 2))).joining()).as("same cohort, newer").isEmpty();
        assertThat(views.apply(List.of(Snapshots.changed(second, 2))).joining()).as("redelivered: joined before its view").isEmpty();
        assertThat(views.apply(List.of(Snapshots.changed(moved, 3))).joining()).as("another cohort").containsExactly(moved);
    }

    /**
     * An instance killed between recording membership and storing the view leaves a member without a view, which the
     * next delivery completes; never a view without membership, which a newer revision would take as joined (the fault
     * suite's scale-out scenario lost enrolments from the learner's dashboard that way).
     */
    @Test
    void membershipIsRecordedBeforeTheViewSoAnInstanceStoppedInBetweenLosesNothing() {
        var first = Snapshots.progress("M-1", "C", "K", AT, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var second = Snapshots.progress("M-1", "C", "K", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var third = Snapshots.progress("M-1", "C", "K", AT, MET, MET, NOT_STARTED, NOT_STARTED);
        try {
            views.apply(List.of(Snapshots.changed(first, 1), Snapshots.changed(second, 2)), joining -> {
                directory.join(joining);
                throw new IllegalStateException("killed");
            });
        } catch (IllegalStateException killed) {
            assertThat(views.rows(List.of("C|M-1|Q1"))).as("no view stored before its membership").isEmpty();
        }

        new EnrolmentProjection(views, directory).apply(List.of(Snapshots.changed(second, 2), Snapshots.changed(third, 3)));

        assertThat(directory.enrolmentsOf("M-1")).containsExactly("C|M-1|Q1");
        assertThat(directory.cohort("C", "K").orElseThrow().members()).containsExactly("C|M-1|Q1");
        assertThat(views.rows(List.of("C|M-1|Q1"))).singleElement().satisfies(row -> assertThat(row.summary().percentMet()).isEqualTo(50.0));
    }

    @Test
    void keepsTheFullSnapshotOfTheNewestRevisionApartFromTheRow() {
        var first = Snapshots.progress("S-1", "C", "K", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var second = Snapshots.progress("S-1", "C", "K", AT, MET, MET, MET, NOT_STARTED);

        views.apply(List.of(Snapshots.changed(second, 2)));
        views.apply(List.of(Snapshots.changed(first, 1)));

        assertThat(views.snapshots(List.of("C|S-1|Q1"))).as("the older revision arriving late changes nothing").containsExactly(second);
        assertThat(mongo.getCollection("enrolment_views").find(new Document("_id", "C|S-1|Q1")).first())
                .as("a row holds no full snapshot").doesNotContainKey("snapshot");
    }

    @Test
    void theSameLearnerIdAtTwoCentresIsTwoEnrolmentsWithTheirOwnRevisions() {
        var south = Snapshots.progress("TWIN", "C-SOUTH", "S", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var north = Snapshots.progress("TWIN", "C-NORTH", "N", AT, MET, MET, MET, NOT_STARTED);

        views.apply(List.of(Snapshots.changed(south, 7)));
        var applied = views.apply(List.of(Snapshots.changed(north, 2)));
        directory.join(List.of(south, north));

        assertThat(applied.stored()).as("a lower revision of another centre's enrolment is not older").hasSize(1);
        assertThat(views.revisionTotal(List.of("C-NORTH|TWIN|Q1"))).isEqualTo(2);
        assertThat(views.revisionTotal(List.of("C-SOUTH|TWIN|Q1"))).isEqualTo(7);
        assertThat(views.snapshots(directory.enrolmentsOf("TWIN"))).containsExactly(north, south);
        assertThat(directory.cohort("C-NORTH", "N").orElseThrow().members()).containsExactly("C-NORTH|TWIN|Q1");
        assertThat(directory.cohort("C-SOUTH", "S").orElseThrow().members()).containsExactly("C-SOUTH|TWIN|Q1");
        assertThat(days.days("C-NORTH", "N").stream().mapToDouble(CohortDay::pointsMet).sum()).isEqualTo(75.0);
        assertThat(days.days("C-SOUTH", "S").stream().mapToDouble(CohortDay::pointsMet).sum()).isEqualTo(25.0);
    }

    @Test
    void keepsEachCohortDayFromTheNewestRevisionOnly() {
        Instant march = Instant.parse("2026-03-02T09:00:00Z");
        Instant may = Instant.parse("2026-05-04T09:00:00Z");
        var early = Snapshots.progress("T-1", "C", "TREND", march, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        var later = Snapshots.progress("T-1", "C", "TREND", may, MET, MET, NOT_STARTED, NOT_STARTED);

        views.apply(List.of(Snapshots.changed(later, 2)));
        views.apply(List.of(Snapshots.changed(early, 1)));
        views.apply(List.of(Snapshots.changed(later, 2)));

        assertThat(days.days("C", "TREND")).as("the older revision arriving late changes nothing")
                .containsExactlyInAnyOrder(new CohortDay(Snapshots.START, 1, 0.0), new CohortDay(LocalDate.parse("2026-05-04"), 0, 50.0));

        var withdrawn = Snapshots.withdrawn(later, may.plusSeconds(86_400));
        views.apply(List.of(Snapshots.changed(withdrawn, 3)));
        assertThat(days.days("C", "TREND")).as("a withdrawn learner leaves the trend")
                .allSatisfy(day -> assertThat(day).isEqualTo(new CohortDay(day.day(), 0, 0.0)));
    }
}
