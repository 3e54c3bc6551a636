package io.qualtrack.spike.streams;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The MongoDB writes both engines make: append-only events (unique _id = event id) and the small enrolment states. */
final class MongoWrites {

    static final int DUPLICATE_KEY = 11000;

    private MongoWrites() {
    }

    /** The stored event: the contract's JSON as a document, _id = its event id, and its enrolment for replay by enrolment. */
    static Document eventDocument(byte[] json, String eventId, String enrolment) {
        Document doc = Document.parse(new String(json, StandardCharsets.UTF_8));
        doc.put("_id", eventId);
        doc.put("enrolment", enrolment);
        return doc;
    }

    static void prepareEvents(MongoCollection<Document> events) {
        events.drop();
        events.createIndex(Indexes.ascending("enrolment"), new IndexOptions().name("by_enrolment"));
    }

    /** Inserts unordered; returns how many were new. A duplicate key is an event stored before; anything else fails. */
    static int insertEvents(MongoCollection<Document> events, List<Document> docs) {
        if (docs.isEmpty()) {
            return 0;
        }
        try {
            events.insertMany(docs, new InsertManyOptions().ordered(false));
            return docs.size();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return docs.size() - e.getWriteErrors().size();
        }
    }

    /**
     * The lean model's state write: a state read at revision r is replaced only if the stored one still has r; a new
     * state is inserted (a duplicate key means another writer created it first). Returns the writes that lost a race.
     */
    static int writeGuarded(MongoCollection<Document> states, Collection<Enrolment> touched, Map<String, Long> readRevision) {
        List<WriteModel<Document>> writes = new ArrayList<>(touched.size());
        int replaces = 0;
        for (Enrolment e : touched) {
            Long read = readRevision.get(e.id);
            if (read == null) {
                writes.add(new InsertOneModel<>(e.toDocument()));
            } else {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", e.id), Filters.eq("revision", read)), e.toDocument()));
                replaces++;
            }
        }
        if (writes.isEmpty()) {
            return 0;
        }
        try {
            BulkWriteResult result = states.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return replaces - result.getMatchedCount();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return e.getWriteErrors().size() + replaces - e.getWriteResult().getMatchedCount();
        }
    }

    /**
     * The Streams sink's state write: an upsert that lands only if the stored revision is older (a duplicate key then
     * means a newer one is stored: the sink is at-least-once and may see an old state again after a restart).
     */
    static void upsertNewer(MongoCollection<Document> states, Collection<Enrolment> latest) {
        List<WriteModel<Document>> writes = new ArrayList<>(latest.size());
        for (Enrolment e : latest) {
            writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", e.id), Filters.lt("revision", e.revision)), e.toDocument(),
                    new ReplaceOptions().upsert(true)));
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            states.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
