package io.qualtrack.progress.tracking;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every activity event applied, append-only, one document per event id (so an event is stored once, however often it
 * arrives): what audit, replay and a criterion reached late read. Nothing here is ever rewritten.
 */
@Component
public class ActivityEventStore {

    static final String COLLECTION = "activity_events";

    private final MongoCollection<Document> events;

    public ActivityEventStore(MongoTemplate mongo) {
        this.events = mongo.getCollection(COLLECTION);
        events.createIndex(Indexes.ascending("criteria"), new IndexOptions().name("criterion"));
        events.createIndex(Indexes.ascending("enrolment", "occurredAt"), new IndexOptions().name("enrolment_time"));
    }

    /** Stores the events not stored yet, in one unordered write; one stored already (a redelivery, a retry) is left as it is. */
    public void append(Collection<LearnerActivityEvent> toStore) {
        if (toStore.isEmpty()) {
            return;
        }
        try {
            events.insertMany(toStore.stream().map(ActivityEventDocuments::toDocument).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /** The stored event under each of these ids, where one is. */
    public Map<UUID, LearnerActivityEvent> find(Collection<UUID> ids) {
        Map<UUID, LearnerActivityEvent> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        events.find(Filters.in("_id", ids.stream().map(UUID::toString).distinct().toList())).forEach(doc -> {
            LearnerActivityEvent event = ActivityEventDocuments.fromDocument(doc);
            found.put(event.eventId(), event);
        });
        return found;
    }

    /** Each of these criteria's own events, in one read: what a criterion reached late is replayed from. */
    public Map<EnrolmentId, Map<CriterionKey, List<LearnerActivityEvent>>> histories(Map<EnrolmentId, Set<CriterionKey>> criteria) {
        Map<String, EnrolmentId> enrolmentOf = new HashMap<>();
        Map<String, CriterionKey> keyOf = new HashMap<>();
        criteria.forEach((enrolment, keys) -> keys.forEach(key -> {
            String id = ActivityEventDocuments.criterionId(enrolment, key);
            enrolmentOf.put(id, enrolment);
            keyOf.put(id, key);
        }));
        Map<EnrolmentId, Map<CriterionKey, List<LearnerActivityEvent>>> histories = new HashMap<>();
        criteria.forEach((enrolment, keys) -> {
            Map<CriterionKey, List<LearnerActivityEvent>> empty = new HashMap<>();
            keys.forEach(key -> empty.put(key, new ArrayList<>()));
            histories.put(enrolment, empty);
        });
        if (keyOf.isEmpty()) {
            return histories;
        }
        events.find(Filters.in("criteria", keyOf.keySet())).forEach(doc -> {
            LearnerActivityEvent event = ActivityEventDocuments.fromDocument(doc);
            for (String id : doc.getList("criteria", String.class)) {
                if (keyOf.containsKey(id)) {
                    histories.get(enrolmentOf.get(id)).get(keyOf.get(id)).add(event);
                }
            }
        });
        return histories;
    }

    /** One enrolment's events, earliest first. */
    public List<LearnerActivityEvent> ofEnrolment(EnrolmentId enrolment) {
        List<LearnerActivityEvent> found = new ArrayList<>();
        events.find(Filters.eq("enrolment", enrolment.value())).sort(Sorts.ascending("occurredAt", "_id"))
                .forEach(doc -> found.add(ActivityEventDocuments.fromDocument(doc)));
        return found;
    }

    public long count() {
        return events.countDocuments();
    }
}
