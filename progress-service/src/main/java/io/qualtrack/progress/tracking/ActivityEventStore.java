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
import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.progress.enrolment.ActivityEventDocuments;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    static final String HISTORIES = "criterion_histories";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> histories;

    public ActivityEventStore(MongoTemplate mongo) {
        this.events = mongo.getCollection(COLLECTION);
        this.histories = mongo.getCollection(HISTORIES);
        events.createIndex(Indexes.ascending("criteria"), new IndexOptions().name("criterion"));
        events.createIndex(Indexes.ascending("enrolment", "occurredAt"), new IndexOptions().name("enrolment_time"));
    }

    /** Stores the events not stored yet, in one unordered write; one stored already (a redelivery, a retry) is left as it is. */
    /**
     * Stores the events, in one unordered write; one stored already is left as it is.
     *
     * @return the ids of those stored already (by another thread or instance since this batch looked)
     */
    public Set<UUID> append(List<LearnerActivityEvent> toStore) {
        Set<UUID> there = new HashSet<>();
        insertNew(events, toStore.stream().map(ActivityEventStore::toDocument).toList())
                .forEach(index -> there.add(toStore.get(index).eventId()));
        return there;
    }

    /** Inserts in one unordered write; a document whose {@code _id} is there already is left as it is. Returns their indexes. */
    private static List<Integer> insertNew(MongoCollection<Document> collection, List<Document> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return e.getWriteErrors().stream().map(error -> error.getIndex()).toList();
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

    /**
     * Lists events in their criteria's histories ({@link CriterionHistory}): one insert per listing, in one unordered
     * write; a listing there already (a retry, or another event under the same ordinal) is left as it is.
     */
    public void list(Map<EnrolmentId, List<CriterionHistory.Listing>> listings) {
        List<Document> docs = new ArrayList<>();
        listings.forEach((enrolment, list) -> list.forEach(l -> docs.add(new Document("_id", listingId(criterionId(enrolment, l.key()), l.ordinal()))
                .append("event", l.eventId().toString()))));
        insertNew(histories, docs);
    }

    /**
     * Each of these criteria's own events: what a criterion reached late is replayed from. {@code criteria} gives, for
     * each, how many events its record has counted: their ids are read from its listings, then the events by id, each
     * a lookup by key. A criterion whose record was stored before events were counted, or with fewer distinct events
     * listed than it counted, is searched for among the events instead (an index lookup on MongoDB, a scan of every
     * event on the stand-in, which keeps no secondary index); one stored before the count is listed when it is applied.
     */
    public Map<EnrolmentId, Map<CriterionKey, List<LearnerActivityEvent>>> histories(Map<EnrolmentId, Map<CriterionKey, Integer>> criteria) {
        Map<EnrolmentId, Map<CriterionKey, List<LearnerActivityEvent>>> result = new HashMap<>();
        Map<String, Owner> listingOwners = new HashMap<>();
        Map<Owner, Integer> counted = new HashMap<>();
        Map<EnrolmentId, Set<CriterionKey>> search = new HashMap<>();
        criteria.forEach((enrolment, counts) -> counts.forEach((key, events) -> {
            result.computeIfAbsent(enrolment, k -> new HashMap<>()).put(key, new ArrayList<>());
            if (events == CriterionRecord.UNCOUNTED) {
                search.computeIfAbsent(enrolment, k -> new HashSet<>()).add(key);
                return;
            }
            Owner owner = new Owner(enrolment, key);
            counted.put(owner, events);
            String criterionId = criterionId(enrolment, key);
            for (int ordinal = 1; ordinal <= events; ordinal++) {
                listingOwners.put(listingId(criterionId, ordinal), owner);
            }
        }));
        Map<Owner, Set<String>> listed = new HashMap<>();
        if (!listingOwners.isEmpty()) {
            histories.find(Filters.in("_id", listingOwners.keySet())).forEach(doc -> listed
                    .computeIfAbsent(listingOwners.get(doc.getString("_id")), k -> new HashSet<>()).add(doc.getString("event")));
        }
        Map<String, List<Owner>> wanted = new HashMap<>();
        counted.forEach((owner, events) -> {
            Set<String> ids = listed.getOrDefault(owner, Set.of());
            if (ids.size() < events) {
                search.computeIfAbsent(owner.enrolment(), k -> new HashSet<>()).add(owner.key());
            } else {
                ids.forEach(id -> wanted.computeIfAbsent(id, k -> new ArrayList<>()).add(owner));
            }
        });
        if (!wanted.isEmpty()) {
            events.find(Filters.in("_id", wanted.keySet())).forEach(doc -> {
                LearnerActivityEvent event = ActivityEventDocuments.fromDocument(doc);
                wanted.get(doc.getString("_id")).forEach(owner -> result.get(owner.enrolment()).get(owner.key()).add(event));
            });
        }
        searched(search).forEach((enrolment, byKey) -> result.get(enrolment).putAll(byKey));
        return result;
    }

    private record Owner(EnrolmentId enrolment, CriterionKey key) {
    }

    /** Each of these criteria's own events, found by the criteria they name, in one read. */
    private Map<EnrolmentId, Map<CriterionKey, List<LearnerActivityEvent>>> searched(Map<EnrolmentId, Set<CriterionKey>> criteria) {
        Map<String, EnrolmentId> enrolmentOf = new HashMap<>();
        Map<String, CriterionKey> keyOf = new HashMap<>();
        criteria.forEach((enrolment, keys) -> keys.forEach(key -> {
            String id = criterionId(enrolment, key);
            enrolmentOf.put(id, enrolment);
            keyOf.put(id, key);
        }));
        Map<EnrolmentId, Map<CriterionKey, List<LearnerActivityEvent>>> found = new HashMap<>();
        criteria.forEach((enrolment, keys) -> {
            Map<CriterionKey, List<LearnerActivityEvent>> empty = new HashMap<>();
            keys.forEach(key -> empty.put(key, new ArrayList<>()));
            found.put(enrolment, empty);
        });
        if (keyOf.isEmpty()) {
            return found;
        }
        events.find(Filters.in("criteria", keyOf.keySet())).forEach(doc -> {
            LearnerActivityEvent event = ActivityEventDocuments.fromDocument(doc);
            for (String id : doc.getList("criteria", String.class)) {
                if (keyOf.containsKey(id)) {
                    found.get(enrolmentOf.get(id)).get(keyOf.get(id)).add(event);
                }
            }
        });
        return found;
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

    /** The event's fields and the keys it is looked up by: its enrolment and each criterion it is about. */
    private static Document toDocument(LearnerActivityEvent event) {
        EnrolmentId enrolment = EnrolmentId.of(event);
        return ActivityEventDocuments.toDocument(event).append("enrolment", enrolment.value())
                .append("criteria", CriterionKey.of(event).stream().map(key -> criterionId(enrolment, key)).toList());
    }

    private static String listingId(String criterionId, int ordinal) {
        return criterionId + "#" + ordinal;
    }

    /** A criterion of one enrolment, as the {@code criteria} field holds it. */
    private static String criterionId(EnrolmentId enrolment, CriterionKey key) {
        return Identifiers.key(enrolment.value(), key.unitCode(), key.criterionCode());
    }
}
