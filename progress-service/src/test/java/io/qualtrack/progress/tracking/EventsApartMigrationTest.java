package io.qualtrack.progress.tracking;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventsApartMigrationTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final ProcessorFixture written = new ProcessorFixture(catalogue);
    private final ProcessorFixture migrated = new ProcessorFixture(catalogue);
    private final Activities ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);
    private final Activities bob = new Activities("L-BOB", "C-2", SmallCatalogue.QUALIFICATION);
    private final List<LearnerActivityEvent> annEvents = List.of(ann.enrolled(0), ann.evidence(1, "U-ONE", "essay", "1.1", "1.2"),
            ann.met(3, "U-ONE", "1.1"), ann.verified(4, "U-ONE", "1.1"), ann.notYetMet(2, "U-ONE", "1.2"));
    private final List<LearnerActivityEvent> bobEvents = List.of(bob.enrolled(0), bob.evidence(1, "U-TWO", "plan", "1.1"), bob.withdrawn(5));

    @AfterEach
    void close() {
        written.close();
        migrated.close();
    }

    @Test
    void enrolmentsHoldingTheirEventsComeOutAsTheProcessorWritesThemWithTheirEventsStoredApart() {
        written.processor.process(written.incoming(annEvents));
        written.processor.process(written.incoming(bobEvents));
        storeInTheOldLayout(annEvents, 4);
        storeInTheOldLayout(bobEvents, 2);

        new EventsApartMigration(migrated.mongo, migrated.events, migrated.json, new CentreScopedIdsMigration(migrated.mongo, migrated.json));

        assertThat(progressOf(migrated)).isEqualTo(progressOf(written));
        assertThat(migrated.events.ofEnrolment(EnrolmentId.of(ann.enrolled(0)))).hasSize(annEvents.size());
        assertThat(migrated.events.count()).isEqualTo(annEvents.size() + bobEvents.size());
        Document annDoc = migrated.mongo.getCollection(EnrolmentStore.COLLECTION).find(Filters.eq("_id", "C-1|L-ANN|Q-SMALL")).first();
        assertThat(annDoc).doesNotContainKeys("events", "progress");
        assertThat(annDoc.getLong("revision")).as("the revision it had, so what was published keeps its meaning").isEqualTo(4);
    }

    @Test
    void aMigrationStoppedPartWayFinishesAndTheProcessorCarriesOn() {
        storeInTheOldLayout(annEvents, 4);
        storeInTheOldLayout(bobEvents, 2);
        // a stop after ann's events were stored, before her state was written
        migrated.events.append(annEvents.subList(0, 2));

        new EventsApartMigration(migrated.mongo, migrated.events, migrated.json, new CentreScopedIdsMigration(migrated.mongo, migrated.json));
        migrated.processor.process(migrated.incoming(List.of(ann.met(6, "U-ONE", "1.2"))));

        assertThat(migrated.events.count()).isEqualTo(annEvents.size() + bobEvents.size() + 1);
        assertThat(migrated.enrolments.ofLearner("L-ANN")).singleElement().satisfies(s -> {
            assertThat(s.revision()).isEqualTo(5);
            assertThat(s.progress().units().getFirst().summary().met()).isEqualTo(2);
        });
    }

    /** An enrolment document as progress-service wrote it before: every event as JSON text, the progress as JSON text. */
    private void storeInTheOldLayout(List<LearnerActivityEvent> events, long revision) {
        EnrolmentId id = EnrolmentId.of(events.getFirst());
        MongoCollection<Document> enrolments = migrated.mongo.getCollection(EnrolmentStore.COLLECTION);
        enrolments.insertOne(new Document("_id", id.value()).append("learnerId", id.learnerId())
                .append("qualificationCode", id.qualificationCode()).append("centreId", id.centreId())
                .append("cohortId", "COHORT-A").append("revision", revision).append("updatedAt", Date.from(Instant.now()))
                .append("events", events.stream().map(migrated.json::writeValueAsString).toList())
                .append("progress", migrated.json.writeValueAsString(ProgressRules.calculate(events, catalogue))));
    }

    private static Map<String, Object> progressOf(ProcessorFixture fixture) {
        return List.of("L-ANN", "L-BOB").stream().collect(Collectors.toMap(learner -> learner,
                learner -> fixture.enrolments.ofLearner(learner).getFirst().progress()));
    }
}
