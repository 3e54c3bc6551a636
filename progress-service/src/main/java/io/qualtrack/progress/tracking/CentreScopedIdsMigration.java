package io.qualtrack.progress.tracking;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.parking.ParkedActivityStore;
import io.qualtrack.progress.publication.PublicationLog;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a store written while learner ids were global (enrolment {@code learner|qualification}) to enrolments scoped
 * to their centre ({@code centre|learner|qualification}): enrolment documents take their new id, parked activity
 * waits for the new key, open publication-log entries name the centre. Runs when the service starts, before any
 * consumer or request can use the store (a singleton is built before listener containers and the web server
 * start). Every step can run again: a restart part-way finishes the job, and the marker written last makes later
 * starts skip it. Before the change, a learner id and qualification named one enrolment, so each old entry has
 * exactly one centre.
 */
@Component
public class CentreScopedIdsMigration {

    static final String MARKER = "enrolment-ids-scoped-to-centre";
    private static final Logger log = LoggerFactory.getLogger(CentreScopedIdsMigration.class);
    private static final int PAGE = 500;

    private final MongoCollection<Document> enrolments;
    private final MongoCollection<Document> parked;
    private final MongoCollection<Document> publicationLog;
    private final MongoCollection<Document> migrations;
    private final JsonMapper json;

    public CentreScopedIdsMigration(MongoTemplate mongo, JsonMapper json) {
        this.enrolments = mongo.getCollection("enrolments");
        this.parked = mongo.getCollection("parked_activity");
        this.publicationLog = mongo.getCollection("publication_log");
        this.migrations = mongo.getCollection("migrations");
        this.json = json;
        migrate();
    }

    final void migrate() {
        if (migrations.find(Filters.eq("_id", MARKER)).first() != null) {
            return;
        }
        int moved = moveEnrolments();
        int rekeyed = rekeyParkedActivity();
        int entries = nameCentresInPublicationLog();
        migrations.replaceOne(Filters.eq("_id", MARKER), new Document("_id", MARKER).append("at", new Date()),
                new ReplaceOptions().upsert(true));
        if (moved + rekeyed + entries > 0) {
            log.info("Enrolments scoped to their centre: {} enrolments took their new id, {} parked events re-keyed, "
                    + "{} publication-log entries name their centres", moved, rekeyed, entries);
        }
    }

    private int moveEnrolments() {
        List<String> oldIds = new ArrayList<>();
        enrolments.find().projection(new Document("centreId", 1).append("learnerId", 1).append("qualificationCode", 1))
                .forEach(doc -> {
                    if (!doc.getString("_id").equals(EnrolmentStateDocuments.idOf(doc).value())) {
                        oldIds.add(doc.getString("_id"));
                    }
                });
        for (int from = 0; from < oldIds.size(); from += PAGE) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Document doc : enrolments.find(Filters.in("_id", oldIds.subList(from, Math.min(from + PAGE, oldIds.size()))))) {
                Object oldId = doc.get("_id");
                String newId = EnrolmentStateDocuments.idOf(doc).value();
                // the copy first: a stop between the two leaves both, and the next run copies again and deletes
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", newId), new Document(doc).append("_id", newId),
                        new ReplaceOptions().upsert(true)));
                writes.add(new DeleteOneModel<>(Filters.eq("_id", oldId)));
            }
            if (!writes.isEmpty()) {
                enrolments.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            }
        }
        return oldIds.size();
    }

    private int rekeyParkedActivity() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        int rekeyed = 0;
        for (Document doc : parked.find().projection(new Document("event", 1).append("enrolment", 1).append("waitingFor", 1))) {
            EnrolmentId id = EnrolmentId.of(ParkedActivityStore.eventOf(doc, json));
            String waitingFor = doc.getString("waitingFor");
            String newWaitingFor = waitingFor.startsWith("enrolment/") ? id.waitingKey() : waitingFor;
            if (id.value().equals(doc.getString("enrolment")) && newWaitingFor.equals(waitingFor)) {
                continue;
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", doc.get("_id")),
                    Updates.combine(Updates.set("enrolment", id.value()), Updates.set("waitingFor", newWaitingFor))));
            rekeyed++;
            if (writes.size() == PAGE) {
                parked.bulkWrite(writes);
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            parked.bulkWrite(writes);
        }
        return rekeyed;
    }

    /** Old entries list {@code [learner, qualification]} pairs; an enrolment never stored has nothing to publish. */
    private int nameCentresInPublicationLog() {
        int converted = 0;
        Map<List<?>, Optional<String>> centres = new HashMap<>();
        for (Document entry : publicationLog.find()) {
            List<?> listed = entry.getList("enrolments", Object.class);
            if (listed.stream().noneMatch(List.class::isInstance)) {
                continue;
            }
            List<Document> named = new ArrayList<>();
            for (Object item : listed) {
                if (item instanceof Document already) {
                    named.add(already);
                } else if (item instanceof List<?> pair) {
                    centres.computeIfAbsent(pair, p -> centreOf((String) p.get(0), (String) p.get(1))).ifPresent(centre ->
                            named.add(PublicationLog.toDocument(new EnrolmentId(centre, (String) pair.get(0), (String) pair.get(1)))));
                }
            }
            publicationLog.updateOne(Filters.eq("_id", entry.get("_id")), Updates.set("enrolments", named));
            converted++;
        }
        return converted;
    }

    private Optional<String> centreOf(String learnerId, String qualificationCode) {
        return Optional.ofNullable(enrolments.find(Filters.and(Filters.eq("learnerId", learnerId),
                Filters.eq("qualificationCode", qualificationCode))).projection(new Document("centreId", 1)).first())
                .map(doc -> doc.getString("centreId"));
    }
}
