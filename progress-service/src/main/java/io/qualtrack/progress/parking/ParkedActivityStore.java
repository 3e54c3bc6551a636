package io.qualtrack.progress.parking;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.deadletters.RecordOrigin;
import io.qualtrack.progress.enrolment.ActivityEventDocuments;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Parked activity in MongoDB, one document per event id, so parking the same event twice is one entry. */
@Component
public class ParkedActivityStore {

    private final MongoCollection<Document> parked;
    private final JsonMapper json;

    public ParkedActivityStore(MongoTemplate mongo, JsonMapper json) {
        this.parked = mongo.getCollection("parked_activity");
        this.json = json;
    }

    /**
     * Parks each event once; parking it again (a retry, a redelivery) updates what it waits for and when
     * it was last tried, but keeps when it was first parked. With {@code create} false only existing
     * entries are updated.
     */
    public void park(Collection<ParkedActivity> activities, boolean create) {
        if (activities.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = activities.stream().<WriteModel<Document>>map(p -> new UpdateOneModel<>(
                Filters.eq("_id", p.event().eventId().toString()),
                Updates.combine(
                        Updates.set("learnerId", p.event().learnerId()),
                        Updates.set("waitingFor", p.waitingFor()),
                        Updates.set("reason", p.reason().name()),
                        Updates.set("enrolment", EnrolmentId.of(p.event()).value()),
                        Updates.set("type", p.event().getClass().getSimpleName()),
                        Updates.set("event", ActivityEventDocuments.toDocument(p.event())),
                        Updates.set("triedAt", Date.from(p.parkedAt())),
                        Updates.setOnInsert("parkedAt", Date.from(p.parkedAt())),
                        // where it first came from: kept through every re-park, for its dead letter if it ends as one
                        Updates.setOnInsert("origin", origin(p.origin()))),
                new UpdateOptions().upsert(create))).toList();
        parked.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    public List<ParkedActivity> waitingFor(Collection<String> keys, int limit) {
        return find(Filters.in("waitingFor", keys), limit);
    }

    /** The entries tried longest ago, so repeated sweeps go round all of them. */
    public List<ParkedActivity> leastRecentlyTried(int limit) {
        return find(new Document(), Sorts.ascending("triedAt"), limit);
    }

    /** Whether the learner's enrolment itself is parked, waiting for its qualification's content. */
    public boolean hasParkedEnrolment(EnrolmentId enrolment) {
        return parked.find(Filters.and(Filters.eq("enrolment", enrolment.value()), Filters.eq("type", "LearnerEnrolled")))
                .limit(1).first() != null;
    }

    public List<ParkedActivity> parkedBefore(ParkReason reason, Instant before, int limit) {
        return find(Filters.and(Filters.eq("reason", reason.name()), Filters.lt("parkedAt", Date.from(before))), limit);
    }

    public void remove(Collection<UUID> eventIds) {
        if (!eventIds.isEmpty()) {
            parked.deleteMany(Filters.in("_id", eventIds.stream().map(UUID::toString).toList()));
        }
    }

    public long count(ParkReason reason) {
        return parked.countDocuments(Filters.eq("reason", reason.name()));
    }

    private List<ParkedActivity> find(Bson filter, int limit) {
        return find(filter, Sorts.ascending("parkedAt"), limit);
    }

    private List<ParkedActivity> find(Bson filter, Bson order, int limit) {
        List<ParkedActivity> found = new ArrayList<>();
        parked.find(filter).sort(order).limit(limit).forEach(doc -> found.add(new ParkedActivity(
                eventOf(doc, json), doc.getString("waitingFor"),
                ParkReason.valueOf(doc.getString("reason")), doc.getDate("parkedAt").toInstant(),
                origin(doc.get("origin", Document.class)))));
        return found;
    }

    /**
     * The event of a parked entry. Entries parked before events were stored typed hold it as JSON text; they drain as
     * they are applied or expire.
     */
    public static LearnerActivityEvent eventOf(Document entry, JsonMapper json) {
        Object stored = entry.get("event");
        return stored instanceof String text ? json.readValue(text, LearnerActivityEvent.class)
                : ActivityEventDocuments.fromDocument((Document) stored);
    }

    private static @Nullable Document origin(@Nullable RecordOrigin origin) {
        return origin == null ? null : new Document("topic", origin.topic()).append("partition", origin.partition())
                .append("offset", origin.offset()).append("traceParent", origin.traceParent());
    }

    private static @Nullable RecordOrigin origin(@Nullable Document origin) {
        return origin == null ? null : new RecordOrigin(origin.getString("topic"), origin.getInteger("partition"),
                ((Number) origin.get("offset")).longValue(), origin.getString("traceParent"));
    }
}
