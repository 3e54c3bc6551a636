package io.qualtrack.progress.tracking;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.enrolment.ActivityEventDocuments;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Moves a store written when each enrolment document held all of its events (as JSON text) and its progress (as
 * JSON text) to events stored apart, one document each, and an enrolment state bounded by the qualification. Runs
 * at start, after {@link CentreScopedIdsMigration} and before any consumer or request uses the store. Each
 * enrolment's events are stored first and its state written after, at the revision it had, so a restart part-way
 * redoes only what was left, and the marker written last makes later starts skip it.
 */
@Component
public class EventsApartMigration {

    static final String MARKER = "events-stored-apart";
    private static final Logger log = LoggerFactory.getLogger(EventsApartMigration.class);
    private static final int PAGE = 200;

    private final MongoCollection<Document> enrolments;
    private final MongoCollection<Document> migrations;
    private final ActivityEventStore events;
    private final JsonMapper json;

    public EventsApartMigration(MongoTemplate mongo, ActivityEventStore events, JsonMapper json,
                                CentreScopedIdsMigration runsAfter) {
        this.enrolments = mongo.getCollection(EnrolmentStore.COLLECTION);
        this.migrations = mongo.getCollection("migrations");
        this.events = events;
        this.json = json;
        migrate();
    }

    final void migrate() {
        if (migrations.find(Filters.eq("_id", MARKER)).first() != null) {
            return;
        }
        int moved = 0;
        int stored = 0;
        while (true) {
            List<Document> page = enrolments.find(Filters.exists("events")).limit(PAGE).into(new ArrayList<>());
            if (page.isEmpty()) {
                break;
            }
            for (Document doc : page) {
                EnrolmentId id = EnrolmentStateDocuments.idOf(doc);
                List<LearnerActivityEvent> applied = doc.getList("events", String.class).stream()
                        .map(text -> ActivityEventDocuments.toMillis(json.readValue(text, LearnerActivityEvent.class))).toList();
                events.append(applied);
                events.list(Map.of(id, CriterionHistory.ofAll(applied)));
                EnrolmentState state = Enrolment.replay(id, applied);
                enrolments.replaceOne(Filters.eq("_id", doc.get("_id")),
                        EnrolmentStateDocuments.toDocument(state, doc.getLong("revision"), doc.getDate("updatedAt").toInstant()));
                moved++;
                stored += applied.size();
            }
        }
        migrations.replaceOne(Filters.eq("_id", MARKER), new Document("_id", MARKER).append("at", new Date()),
                new ReplaceOptions().upsert(true));
        if (moved > 0) {
            log.info("Events stored apart from their enrolments: {} enrolments, {} events", moved, stored);
        }
    }
}
