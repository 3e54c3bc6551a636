package io.qualtrack.localstack.benchmark;

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database alone: for every event, one unordered bulk upsert (in bulks of 500, progress-service's batch size)
 * of its enrolment's document as progress-service stored it, into a scratch database on the same server.
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
            Map<String, Document> stored = new HashMap<>();
            long bytes = 0;
            for (Document doc : client.getDatabase("qualtrack-progress").getCollection("enrolments").find()) {
                stored.put(doc.get("_id").toString(), doc);
                bytes += new RawBsonDocument(doc, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
            }
            if (stored.isEmpty()) {
                throw new IllegalStateException("progress-service stored no enrolments: nothing to size the floor's documents by");
            }
            averageBytes = bytes / stored.size();
            List<Document> documents = new ArrayList<>(stored.values());
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            MongoCollection<Document> collection = database.getCollection("enrolments");
            long started = System.nanoTime();
            for (int from = 0; from < events.size(); from += BULK) {
                List<WriteModel<Document>> bulk = new ArrayList<>(BULK);
                for (LearnerActivityEvent event : events.subList(from, Math.min(events.size(), from + BULK))) {
                    String id = event.learnerId() + "|" + event.qualificationCode();
                    Document doc = stored.getOrDefault(id, documents.get(Math.floorMod(id.hashCode(), documents.size())));
                    bulk.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
                }
                collection.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            database.drop();
            return took;
        }
    }

    long averageBytes() {
        return averageBytes;
    }
}
