package io.qualtrack.localstack.benchmark;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database alone, at its physical limit for this work: for every record, one insert of a document of the event's
 * own size (the record's JSON fields as a BSON document), in unordered bulks of 500, into a scratch collection of a
 * scratch database on the same server, dropped afterwards. Whatever a store keeps per event, it writes at least that.
 */
final class MongoFloor {

    static final int BULK = 500;
    private static final String DATABASE = "qualtrack-benchmark-floor";
    /** Every call answers within this (a bulk of 500 small documents takes milliseconds), or the floor fails saying so. */
    private static final Duration CALL_WITHIN = Duration.ofMinutes(2);

    private final String mongoUri;
    private long averageBytes;

    MongoFloor(String mongoUri) {
        this.mongoUri = mongoUri;
    }

    static MongoClient client(String mongoUri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongoUri))
                .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS).readTimeout(CALL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .build());
    }

    Duration run(List<Records.Keyed> records) {
        List<Document> documents = new ArrayList<>(records.size());
        long bytes = 0;
        for (Records.Keyed record : records) {
            Document document = Document.parse(new String(record.value(), StandardCharsets.UTF_8));
            documents.add(document);
            bytes += new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
        }
        averageBytes = bytes / Math.max(1, documents.size());
        try (MongoClient client = client(mongoUri)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            MongoCollection<Document> collection = database.getCollection("events");
            try {
                long started = System.nanoTime();
                for (int from = 0; from < documents.size(); from += BULK) {
                    List<WriteModel<Document>> bulk = new ArrayList<>(BULK);
                    for (Document document : documents.subList(from, Math.min(documents.size(), from + BULK))) {
                        bulk.add(new InsertOneModel<>(document));
                    }
                    collection.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
                }
                return Duration.ofNanos(System.nanoTime() - started);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the MongoDB floor's inserts failed (each call allowed " + CALL_WITHIN.toSeconds() + " s)", e);
            } finally {
                database.drop();
            }
        }
    }

    /** The documents' average size in BSON, as written (the driver adds an {@code _id} of 17 bytes to each). */
    long averageBytes() {
        return averageBytes;
    }
}
