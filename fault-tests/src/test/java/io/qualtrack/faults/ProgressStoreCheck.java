package io.qualtrack.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads progress-service's own store (the events it stored, each under its id, and the enrolments they belong to)
 * and counts, per expected enrolment, events not stored (lost) and events that should not be there at all (double
 * counted). Whether the stored events were applied is what the progress API check compares.
 */
final class ProgressStoreCheck {

    private ProgressStoreCheck() {
    }

    static Tally check(String mongoUri, String database, Expected expected) {
        Map<String, List<UUID>> stored = new HashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            var db = client.getDatabase(database);
            List<String> learners = new ArrayList<>(expected.learnerIds());
            db.getCollection("activity_events").find(Filters.in("learnerId", learners))
                    .projection(new Document("enrolment", 1))
                    .forEach(doc -> stored.computeIfAbsent(doc.getString("enrolment"), k -> new ArrayList<>())
                            .add(UUID.fromString(doc.getString("_id"))));
            db.getCollection("enrolments").find(Filters.in("learnerId", learners)).projection(new Document("_id", 1))
                    .forEach(doc -> stored.putIfAbsent(doc.getString("_id"), new ArrayList<>()));
        }
        int lost = 0;
        int doubled = 0;
        List<String> mismatches = new ArrayList<>();
        for (var enrolment : expected.eventIds().entrySet()) {
            List<UUID> applied = stored.getOrDefault(enrolment.getKey(), List.of());
            Set<UUID> distinct = new HashSet<>(applied);
            int missing = (int) enrolment.getValue().stream().filter(id -> !distinct.contains(id)).count();
            int extra = applied.size() - distinct.size() + (int) distinct.stream().filter(id -> !enrolment.getValue().contains(id)).count();
            if (missing + extra > 0) {
                mismatches.add("store " + enrolment.getKey() + ": " + missing + " events missing, " + extra + " extra");
            }
            lost += missing;
            doubled += extra;
        }
        for (var unexpected : stored.keySet()) {
            if (!expected.eventIds().containsKey(unexpected)) {
                doubled += stored.get(unexpected).size();
                mismatches.add("store holds an enrolment nobody made: " + unexpected);
            }
        }
        return new Tally(lost, doubled, mismatches);
    }
}
