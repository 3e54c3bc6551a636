package io.qualtrack.spike.streams;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the MongoDB server charges for the events collection's shape: the same documents inserted four ways. */
final class InsertProbe {

    private InsertProbe() {
    }

    static String run(MongoDatabase db, SpikeWorkload workload) {
        List<Document> docs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < workload.deliveries().size(); i++) {
            var event = workload.deliveries().get(i);
            if (seen.add(event.eventId().toString())) {
                docs.add(MongoWrites.eventDocument(workload.records().get(i).value(), event.eventId().toString(), Enrolment.keyOf(event)));
            }
        }
        StringBuilder text = new StringBuilder(String.format("%n## MongoDB insert probe: %,d distinct event documents%n", docs.size()));
        text.append(line(db, docs, "bulks of 500, ObjectId _id, no other index (the floor)", 500, false, false));
        text.append(line(db, docs, "bulks of 500, _id = event id, no other index", 500, true, false));
        text.append(line(db, docs, "bulks of 500, _id = event id as 16-byte UUID, no other index", 500, true, false, true));
        text.append(line(db, docs, "bulks of 500, _id = event id, index on enrolment", 500, true, true));
        text.append(line(db, docs, "bulks of 2,000, _id = event id, index on enrolment", 2000, true, true));
        return text.toString();
    }

    private static String line(MongoDatabase db, List<Document> source, String label, int bulk, boolean eventIdAsId, boolean index) {
        return line(db, source, label, bulk, eventIdAsId, index, false);
    }

    private static String line(MongoDatabase db, List<Document> source, String label, int bulk, boolean eventIdAsId, boolean index,
                               boolean binaryId) {
        MongoCollection<Document> c = db.getCollection("probe");
        c.drop();
        if (index) {
            c.createIndex(Indexes.ascending("enrolment"));
        }
        List<Document> docs = new ArrayList<>(source.size());
        for (Document d : source) {
            Document copy = Document.parse(d.toJson());
            if (!eventIdAsId) {
                copy.remove("_id");
            } else if (binaryId) {
                copy.put("_id", new org.bson.BsonBinary(java.util.UUID.fromString(copy.getString("_id"))));
            }
            docs.add(copy);
        }
        long started = System.nanoTime();
        for (int from = 0; from < docs.size(); from += bulk) {
            c.insertMany(docs.subList(from, Math.min(docs.size(), from + bulk)), new InsertManyOptions().ordered(false));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        c.drop();
        return String.format("  %-58s %6.2f s %,8.0f docs/s%n", label, seconds, docs.size() / seconds);
    }
}
