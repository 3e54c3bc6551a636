package io.qualtrack.report.migration;

import io.qualtrack.report.catalogue.EmptyCatalogue;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models stored as {@code learner|qualification} become the ones the same snapshots build under centre keys,
 * whenever the migration is stopped and started again, with no enrolment lost and no trend figure counted twice.
 */
class EnrolmentKeyMigrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COHORTS = List.of("C-NORTH|N-1", "C-NORTH|N-2", "C-SOUTH|S-1");

    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
    }

    /** Where report-service stops, in the middle of migrating, before it starts again. */
    enum Stop {
        AFTER_MOVING_THE_VIEWS_ASIDE, AFTER_MOVING_BOTH_ASIDE_AND_DROPPING, AFTER_ONE_PAGE, AFTER_THE_LAST_PAGE,
        AFTER_DROPPING_THE_OLD_VIEWS
    }

    @Test
    void rebuildsTheReadModelsTheSameSnapshotsBuildUnderCentreKeys() {
        MongoTemplate old = database();
        OldReadModels.write(old);
        Map<String, List<CohortDay>> trendBefore = trends(old);

        start(old).migration(2).run();

        MongoTemplate fresh = database();
        start(fresh).projection().apply(OldReadModels.snapshots());
        assertSameReadModels(old, fresh);
        assertThat(StoredDocuments.ids(old, "enrolment_views")).containsExactly("C-NORTH|A-1|Q1", "C-NORTH|A-2|Q1", "C-NORTH|D.1|Q1",
                "C-SOUTH|B-1|Q1", "C-SOUTH|B-1|Q2", "C-SOUTH|W-1|Q1");
        assertThat(start(old).views().snapshots(List.of("C-SOUTH|W-1|Q1"))).as("from inside its old view").hasSize(1);
        assertThat(start(old).directory().enrolmentsOf("B-1")).containsExactlyInAnyOrder("C-SOUTH|B-1|Q1", "C-SOUTH|B-1|Q2");
        assertThat(trends(old)).as("every day's learners and points, none lost or doubled").isEqualTo(trendBefore);
        assertThat(old.getCollectionNames()).doesNotContain(EnrolmentKeyMigration.VIEWS_ASIDE, EnrolmentKeyMigration.SNAPSHOTS_ASIDE,
                EnrolmentKeyMigration.UNMIGRATED);
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void aMigrationStoppedAnywhereFinishesOnTheNextStartWithTheSameResult(Stop stop) {
        MongoTemplate old = database();
        OldReadModels.write(old);
        Map<String, List<CohortDay>> trendBefore = trends(old);
        EnrolmentKeyMigration first = start(old).migration(2);
        switch (stop) {
            case AFTER_MOVING_THE_VIEWS_ASIDE -> old.getCollection(EnrolmentKeyMigration.VIEWS)
                    .renameCollection(new com.mongodb.MongoNamespace(old.getDb().getName(), EnrolmentKeyMigration.VIEWS_ASIDE));
            case AFTER_MOVING_BOTH_ASIDE_AND_DROPPING -> first.start();
            case AFTER_ONE_PAGE -> {
                first.start();
                assertThat(first.rebuild(1)).isFalse();
            }
            case AFTER_THE_LAST_PAGE -> {
                first.start();
                assertThat(first.rebuild(Integer.MAX_VALUE)).isTrue();
            }
            case AFTER_DROPPING_THE_OLD_VIEWS -> {
                first.start();
                first.rebuild(Integer.MAX_VALUE);
                old.getCollection(EnrolmentKeyMigration.VIEWS_ASIDE).drop();
            }
        }

        start(old).migration(2).run();

        MongoTemplate fresh = database();
        start(fresh).projection().apply(OldReadModels.snapshots());
        assertSameReadModels(old, fresh);
        assertThat(trends(old)).isEqualTo(trendBefore);
        assertThat(old.getCollectionNames()).doesNotContain(EnrolmentKeyMigration.VIEWS_ASIDE, EnrolmentKeyMigration.SNAPSHOTS_ASIDE);
    }

    @Test
    void runsOnceThenLeavesTheReadModelsToTheConsumer() {
        MongoTemplate mongo = database();
        OldReadModels.write(mongo);
        start(mongo).migration(500).run();
        var arrived = Snapshots.progress("NEW-1", "C-NORTH", "N-1", Instant.parse("2026-05-01T10:00:00Z"), MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);
        start(mongo).projection().apply(List.of(Snapshots.changed(arrived, 1)));

        start(mongo).migration(500).run();

        assertThat(start(mongo).directory().cohort("C-NORTH", "N-1").orElseThrow().members()).contains("C-NORTH|NEW-1|Q1");
        assertThat(StoredDocuments.ids(mongo, "enrolment_views")).hasSize(7);
    }

    @Test
    void anEmptyDatabaseIsOnlyMarkedMigrated() {
        MongoTemplate mongo = database();
        start(mongo).migration(500).run();

        assertThat(mongo.getCollection(EnrolmentKeyMigration.MARKERS).find().first()).containsEntry("state", "DONE");
        assertThat(mongo.getCollectionNames()).doesNotContain(EnrolmentKeyMigration.VIEWS_ASIDE, "cohorts", "learners");
    }

    @Test
    void aViewNoSnapshotCanRebuildIsKeptAsideNotLost() {
        MongoTemplate mongo = database();
        OldReadModels.write(mongo);
        mongo.getCollection("enrolment_views").insertOne(new Document("_id", "LOST-1|Q1").append("centreId", "C-NORTH")
                .append("cohortId", "N-1").append("revision", 3L).append("row", "{}"));
        mongo.getCollection("enrolment_views").insertOne(new Document("_id", "BAR|1|Q1").append("revision", 1L)
                .append("snapshot", JSON.writeValueAsString(Snapshots.progress("BAR|1", "C-NORTH", "N-1",
                        Instant.parse("2026-05-01T10:00:00Z"), MET, NOT_STARTED, NOT_STARTED, NOT_STARTED))));

        start(mongo).migration(500).run();

        assertThat(StoredDocuments.ids(mongo, EnrolmentKeyMigration.UNMIGRATED)).as("no snapshot; an id that now holds the key separator")
                .containsExactly("BAR|1|Q1", "LOST-1|Q1");
        assertThat(StoredDocuments.ids(mongo, "enrolment_views")).hasSize(6);
    }

    private record Service(EnrolmentViewStore views, CohortDirectory directory, EnrolmentProjection projection, MongoTemplate mongo) {

        EnrolmentKeyMigration migration(int pageSize) {
            return new EnrolmentKeyMigration(mongo, projection, views, JSON, pageSize);
        }
    }

    /** The stores as report-service creates them when it starts (which creates the views collection and its index). */
    private static Service start(MongoTemplate mongo) {
        EnrolmentViewStore views = new EnrolmentViewStore(mongo, new CohortDayStore(mongo), new EmptyCatalogue());
        CohortDirectory directory = new CohortDirectory(mongo);
        return new Service(views, directory, new EnrolmentProjection(views, directory), mongo);
    }

    private MongoTemplate database() {
        String uri = MongoStandIn.uri("migration");
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    }

    private static void assertSameReadModels(MongoTemplate migrated, MongoTemplate fresh) {
        for (String name : OldReadModels.COLLECTIONS) {
            assertThat(StoredDocuments.documents(migrated, name)).as(name).isNotEmpty().isEqualTo(StoredDocuments.documents(fresh, name));
        }
    }

    private static Map<String, List<CohortDay>> trends(MongoTemplate mongo) {
        CohortDayStore days = new CohortDayStore(mongo);
        Map<String, List<CohortDay>> trends = new TreeMap<>();
        for (String cohort : COHORTS) {
            String[] parts = cohort.split("\\|");
            trends.put(cohort, days.days(parts[0], parts[1]).stream().filter(day -> day.started() > 0 || day.pointsMet() > 0)
                    .sorted(java.util.Comparator.comparing(CohortDay::day)).toList());
        }
        return trends;
    }
}
