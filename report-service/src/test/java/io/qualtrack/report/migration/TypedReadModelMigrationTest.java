package io.qualtrack.report.migration;

import io.qualtrack.report.catalogue.EmptyCatalogue;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.report.cohort.CohortDirectory;
import io.qualtrack.report.cohort.EnrolmentProjection;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.report.trend.CohortDay;
import io.qualtrack.report.trend.CohortDayStore;
import io.qualtrack.testsupport.MongoStandIn;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models whose rows, trend contributions and snapshots are JSON text, as report-service wrote them (the text is
 * the fixture's, written by that code), become the typed documents the same snapshots build now, in place, however
 * often the migration is stopped and started.
 */
class TypedReadModelMigrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COLLECTIONS = List.of("enrolment_views", "enrolment_snapshots", "cohorts", "learners", "cohort_days");

    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
    }

    @Test
    void rewritesEveryTextFieldAsTheTypedDocumentUnderTheSameIdAndRevision() {
        MongoTemplate old = jsonTextLayout();
        MongoTemplate fresh = typedLayout();
        assertThat(old.getCollection("enrolment_views").find().first().get("row")).isInstanceOf(String.class);

        new TypedReadModelMigration(old, JSON, 2).run();

        assertSameDocuments(old, fresh);
        EnrolmentViewStore views = store(old);
        List<String> ids = StoredDocuments.ids(fresh, "enrolment_views");
        assertThat(views.rows(ids)).hasSize(6).isEqualTo(store(fresh).rows(ids));
        assertThat(views.snapshots(ids)).isEqualTo(OldReadModels.snapshots().stream().map(c -> c.progress())
                .sorted(java.util.Comparator.comparing(p -> p.centreId() + "|" + p.learnerId() + "|" + p.qualificationCode())).toList());
        assertThat(marker(old)).containsEntry("state", "DONE");
        assertThat(marker(old).get("enrolment_views", Document.class)).containsEntry("converted", 6).containsEntry("unreadable", 0);
    }

    @Test
    void aMigratedStoreTakesTheNextSnapshotAsIfItHadBeenTypedAllAlong() {
        MongoTemplate old = jsonTextLayout();
        MongoTemplate fresh = typedLayout();
        new TypedReadModelMigration(old, JSON, 500).run();
        EnrolmentProgress next = Snapshots.progress("A-1", "C-NORTH", "N-1", Instant.parse("2026-06-01T10:00:00Z"), MET, MET, MET, MET);

        for (MongoTemplate mongo : List.of(old, fresh)) {
            projection(mongo).apply(List.of(Snapshots.changed(next, 99)));
        }

        assertSameDocuments(old, fresh);
        assertThat(days(old)).as("the old contribution moved to the new one, none doubled").isEqualTo(days(fresh));
    }

    @Test
    void runningAgainChangesNothing() {
        MongoTemplate old = jsonTextLayout();
        new TypedReadModelMigration(old, JSON, 2).run();
        List<Document> once = everything(old);

        new TypedReadModelMigration(old, JSON, 2).run();
        assertThat(everything(old)).isEqualTo(once);

        old.getCollection(EnrolmentKeyMigration.MARKERS).deleteOne(Filters.eq("_id", TypedReadModelMigration.MARKER_ID));
        new TypedReadModelMigration(old, JSON, 2).run();
        assertThat(everything(old).subList(0, once.size() - 1)).as("the read models, even without the marker")
                .isEqualTo(once.subList(0, once.size() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enrolment_views", "enrolment_snapshots"})
    void aMigrationStoppedHalfwayFinishesOnTheNextStart(String stoppedIn) {
        MongoTemplate old = jsonTextLayout();
        TypedReadModelMigration first = new TypedReadModelMigration(old, JSON, 2);
        if (stoppedIn.equals("enrolment_snapshots")) {
            assertThat(first.convert("enrolment_views", Integer.MAX_VALUE)).isTrue();
        }
        assertThat(first.convert(stoppedIn, 1)).as("one page of three").isFalse();
        assertThat(old.getCollection(stoppedIn).countDocuments(Filters.type(stoppedIn.equals("enrolment_views") ? "row" : "snapshot",
                "string"))).isEqualTo(4);

        new TypedReadModelMigration(old, JSON, 2).run();

        assertSameDocuments(old, typedLayout());
        assertThat(marker(old)).containsEntry("state", "DONE");
    }

    @Test
    void textThatIsNotItsRecordIsLeftAsItWasAndTheRestConverted() {
        MongoTemplate old = jsonTextLayout();
        old.getCollection("enrolment_views").updateOne(Filters.eq("_id", "C-NORTH|A-2|Q1"), Updates.set("row", "{}"));

        new TypedReadModelMigration(old, JSON, 2).run();

        assertThat(old.getCollection("enrolment_views").find(Filters.eq("_id", "C-NORTH|A-2|Q1")).first()).containsEntry("row", "{}");
        assertThat(old.getCollection("enrolment_views").countDocuments(Filters.type("row", "object"))).isEqualTo(5);
        assertThat(marker(old).get("enrolment_views", Document.class)).containsEntry("unreadable", 1);
    }

    @Test
    void aKeyMigrationBegunByTheVersionThatWroteTextFinishesTyped() {
        MongoTemplate old = database();
        OldReadModels.write(old);
        EnrolmentKeyMigration stopped = new EnrolmentKeyMigration(old, projection(old), store(old), JSON, 2);
        stopped.start();
        assertThat(stopped.rebuild(1)).isFalse();
        // stopped before recording the page: the next start applies it again over the views it wrote as text
        old.getCollection(EnrolmentKeyMigration.MARKERS).updateOne(Filters.eq("_id", EnrolmentKeyMigration.MARKER_ID), Updates.unset("resumeAfter"));
        asJsonText(old);
        assertThat(old.getCollection("enrolment_views").countDocuments(Filters.type("trend", "string"))).isEqualTo(2);

        new EnrolmentKeyMigration(old, projection(old), store(old), JSON, 2).run();
        new TypedReadModelMigration(old, JSON, 2).run();

        assertSameDocuments(old, typedLayout());
    }

    /** The read models the fixture's snapshots build, keyed by centre, with their row, trend and snapshot as JSON text. */
    private MongoTemplate jsonTextLayout() {
        MongoTemplate mongo = typedLayout();
        asJsonText(mongo);
        return mongo;
    }

    private MongoTemplate typedLayout() {
        MongoTemplate mongo = database();
        projection(mongo).apply(OldReadModels.snapshots());
        return mongo;
    }

    /** Each typed field replaced by the text report-service stored for the same enrolment at the same revision. */
    private static void asJsonText(MongoTemplate mongo) {
        Document fixture = OldReadModels.fixture();
        for (Document view : fixture.getList("enrolment_views", Document.class)) {
            mongo.getCollection("enrolment_views").updateOne(Filters.and(Filters.eq("_id", view.getString("centreId") + "|" + view.getString("_id")),
                    Filters.eq("revision", view.get("revision"))), Updates.combine(Updates.set("row", view.getString("row")), Updates.set("trend", view.getString("trend"))));
        }
        for (Document snapshot : fixture.getList("enrolment_snapshots", Document.class)) {
            String centre = JSON.readValue(snapshot.getString("snapshot"), EnrolmentProgress.class).centreId();
            mongo.getCollection("enrolment_snapshots").updateOne(Filters.and(Filters.eq("_id", centre + "|" + snapshot.getString("_id")),
                    Filters.eq("revision", snapshot.get("revision"))), Updates.set("snapshot", snapshot.getString("snapshot")));
        }
    }

    private static EnrolmentViewStore store(MongoTemplate mongo) {
        return new EnrolmentViewStore(mongo, new CohortDayStore(mongo), new EmptyCatalogue());
    }

    private static EnrolmentProjection projection(MongoTemplate mongo) {
        return new EnrolmentProjection(store(mongo), new CohortDirectory(mongo));
    }

    private MongoTemplate database() {
        String uri = MongoStandIn.uri("typed-migration");
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    }

    private static Document marker(MongoTemplate mongo) {
        return mongo.getCollection(EnrolmentKeyMigration.MARKERS).find(Filters.eq("_id", TypedReadModelMigration.MARKER_ID)).first();
    }

    private static void assertSameDocuments(MongoTemplate migrated, MongoTemplate fresh) {
        for (String name : COLLECTIONS) {
            assertThat(StoredDocuments.documents(migrated, name)).as(name).isNotEmpty().isEqualTo(StoredDocuments.documents(fresh, name));
        }
    }

    /** The read models, then the marker without its time. */
    private static List<Document> everything(MongoTemplate mongo) {
        List<Document> all = new ArrayList<>();
        COLLECTIONS.forEach(name -> all.addAll(StoredDocuments.documents(mongo, name)));
        all.add(marker(mongo).append("at", null));
        return all;
    }

    private static List<CohortDay> days(MongoTemplate mongo) {
        CohortDayStore days = new CohortDayStore(mongo);
        return days.days("C-NORTH", "N-1").stream().sorted(java.util.Comparator.comparing(CohortDay::day)).toList();
    }
}
