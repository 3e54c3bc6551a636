package io.qualtrack.progress.tracking;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by today's processor, put back into the layout of learner ids that were global, then migrated:
 * it must come out as the processor wrote it, whether the migration runs once or is stopped part-way and run again.
 */
class CentreScopedIdsMigrationTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final Activities ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);
    private final Activities bob = new Activities("L-BOB", "C-2", SmallCatalogue.QUALIFICATION);
    private final Activities waiting = new Activities("L-CAT", "C-1", SmallCatalogue.QUALIFICATION);
    private ProcessorFixture fixture;
    private MongoCollection<Document> enrolments;
    private MongoCollection<Document> parked;
    private MongoCollection<Document> publicationLog;

    @BeforeEach
    void storeWrittenByTheProcessor() {
        fixture = new ProcessorFixture(catalogue);
        enrolments = fixture.mongo.getCollection("enrolments");
        parked = fixture.mongo.getCollection("parked_activity");
        publicationLog = fixture.mongo.getCollection("publication_log");
        fixture.processor.process(fixture.incoming(List.of(ann.enrolled(0), ann.evidence(1, "U-ONE", "essay", "1.1"),
                bob.enrolled(0), bob.met(2, "U-ONE", "1.1"), waiting.evidence(3, "U-ONE", "early", "1.1"))));
        // a batch that died between writing and publishing
        fixture.publications.open(List.of(EnrolmentId.of(ann.enrolled(0)), EnrolmentId.of(bob.enrolled(0))), Instant.now().minusSeconds(60));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyEnrolmentParkedEventAndOpenPublicationComesOutAsTheProcessorWritesThem() {
        Map<String, Document> written = contents();
        assertThat(written.keySet()).contains("enrolments C-1|L-ANN|Q-SMALL", "enrolments C-2|L-BOB|Q-SMALL");

        putBackGlobalLearnerIds();
        assertThat(contents()).isNotEqualTo(written);
        new CentreScopedIdsMigration(fixture.mongo, fixture.json);

        assertThat(contents()).isEqualTo(written);
        assertThat(fixture.mongo.getCollection("migrations").countDocuments(Filters.eq("_id", CentreScopedIdsMigration.MARKER))).isOne();
    }

    @Test
    void theProcessorCarriesOnFromTheMigratedRevisionAndTheWaitingActivityFindsItsEnrolment() {
        putBackGlobalLearnerIds();
        new CentreScopedIdsMigration(fixture.mongo, fixture.json);

        fixture.processor.process(fixture.incoming(List.of(ann.met(4, "U-ONE", "1.1"), waiting.enrolled(0))));

        assertThat(enrolments.find(Filters.eq("_id", "C-1|L-ANN|Q-SMALL")).first().getLong("revision")).isEqualTo(2);
        assertThat(enrolments.countDocuments()).as("no enrolment under an old id, none twice").isEqualTo(3);
        assertThat(parked.countDocuments()).as("the early evidence was applied once its enrolment came").isZero();
        assertThat(fixture.published).anySatisfy(change -> {
            assertThat(change.learnerId()).isEqualTo("L-CAT");
            assertThat(change.progress().units().getFirst().learningOutcomes().getFirst().criteria().getFirst().evidenceRefs())
                    .containsExactly("early");
        });
    }

    @Test
    void aMigrationStoppedPartWayFinishesOnTheNextStart() {
        Map<String, Document> written = contents();
        putBackGlobalLearnerIds();
        // stopped after copying one enrolment to its new id but before deleting the old one
        Document old = enrolments.find(Filters.eq("_id", "L-ANN|Q-SMALL")).first();
        enrolments.insertOne(new Document(old).append("_id", "C-1|L-ANN|Q-SMALL"));

        new CentreScopedIdsMigration(fixture.mongo, fixture.json);
        new CentreScopedIdsMigration(fixture.mongo, fixture.json);

        assertThat(contents()).isEqualTo(written);
    }

    @Test
    void aMigratedStoreIsLeftAlone() {
        new CentreScopedIdsMigration(fixture.mongo, fixture.json);
        Map<String, Document> migrated = contents();
        // were it to run again, it would move this document
        enrolments.insertOne(new Document("_id", "not-a-key").append("centreId", "C-9").append("learnerId", "L-9")
                .append("qualificationCode", "Q-9"));

        new CentreScopedIdsMigration(fixture.mongo, fixture.json);

        assertThat(enrolments.countDocuments(Filters.eq("_id", "not-a-key"))).isOne();
        assertThat(contents()).hasSize(migrated.size() + 1);
    }

    /** The layout before enrolments were scoped to their centre: {@code learner|qualification} everywhere. */
    private void putBackGlobalLearnerIds() {
        for (Document doc : enrolments.find().into(new ArrayList<>())) {
            enrolments.deleteOne(Filters.eq("_id", doc.get("_id")));
            enrolments.insertOne(doc.append("_id", doc.getString("learnerId") + "|" + doc.getString("qualificationCode")));
        }
        for (Document doc : parked.find()) {
            String global = doc.getString("enrolment").substring(doc.getString("enrolment").indexOf('|') + 1);
            parked.updateOne(Filters.eq("_id", doc.get("_id")), Updates.combine(Updates.set("enrolment", global),
                    Updates.set("waitingFor", doc.getString("waitingFor").startsWith("enrolment/") ? "enrolment/" + global : doc.getString("waitingFor"))));
        }
        for (Document entry : publicationLog.find()) {
            publicationLog.updateOne(Filters.eq("_id", entry.get("_id")), Updates.set("enrolments",
                    entry.getList("enrolments", Document.class).stream()
                            .map(e -> List.of(e.getString("learnerId"), e.getString("qualificationCode"))).toList()));
        }
        fixture.mongo.getCollection("migrations").drop();
    }

    private Map<String, Document> contents() {
        Map<String, Document> all = new TreeMap<>();
        for (var collection : List.of(enrolments, parked, publicationLog)) {
            collection.find().forEach(doc -> all.put(collection.getNamespace().getCollectionName() + " " + doc.get("_id"), normalised(doc)));
        }
        return all;
    }

    /** Dates as instants, so equality does not depend on how the stand-in hands them back. */
    private static Document normalised(Document doc) {
        Document copy = new Document();
        doc.forEach((key, value) -> copy.append(key, value instanceof Date date ? date.toInstant() : value));
        return copy;
    }
}
