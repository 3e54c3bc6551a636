package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.values.Identifiers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database alone: for every event, one upsert of its enrolment's document as progress-service stored it, with
 * the enrolment's events up to that one (its size at that moment), in unordered bulks of 500, into a scratch
 * database on the same server.
 */
final class MongoFloor {

    static final int BULK = 500;
    private static final String DATABASE = "qualtrack-benchmark-floor";

    private final String mongoUri;
    private long averageBytes;

    MongoFloor(String mongoUri) {
        this.mongoUri = mongoUri;
    }

    Duration run(List<LearnerActivityEvent> events) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Map<String, Document> enrolments = new HashMap<>();
            // in small batches: the stand-in answers a whole batch in one message, of at most 48 MB
            for (Document doc : client.getDatabase("qualtrack-progress").getCollection("enrolments").find().batchSize(200)) {
                enrolments.put(doc.get("_id").toString(), doc);
            }
            // each event's write is its enrolment's document as it stood after that event: the events so far
            List<Document> writes = new ArrayList<>(events.size());
            Map<String, Integer> seen = new HashMap<>();
            long bytes = 0;
            int sampled = 0;
            for (LearnerActivityEvent event : events) {
                String id = Identifiers.key(event.centreId(), event.learnerId(), event.qualificationCode());
                Document stored = enrolments.get(id);
                if (stored == null) {
                    throw new IllegalStateException("progress-service stored no enrolment " + id);
                }
                int upTo = seen.merge(id, 1, Integer::sum);
                List<?> all = stored.getList("events", Object.class);
                Document asThen = new Document(stored);
                asThen.put("events", all.subList(0, Math.min(upTo, all.size())));
                writes.add(asThen);
                if (writes.size() % 50 == 1) {
                    bytes += size(asThen);
                    sampled++;
                }
            }
            averageBytes = bytes / Math.max(1, sampled);
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            MongoCollection<Document> collection = database.getCollection("enrolments");
            long started = System.nanoTime();
            for (int from = 0; from < writes.size(); from += BULK) {
                List<WriteModel<Document>> bulk = new ArrayList<>(BULK);
                for (Document doc : writes.subList(from, Math.min(writes.size(), from + BULK))) {
                    bulk.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            database.drop();
            return took;
        }
    }

    private static long size(Document doc) {
        return new RawBsonDocument(doc, new DocumentCodec()).getByteBuffer().remaining();
    }

    long averageBytes() {
        return averageBytes;
    }
}
