package io.qualtrack.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads progress-service's own store (the enrolment documents with the events they applied) and
 * counts, per expected enrolment, events not applied (lost) and events held twice or that should
 * not be there at all (double counted).
 */
final class ProgressStoreCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProgressStoreCheck() {
    }

    static Tally check(String mongoUri, String database, Expected expected) {
        Map<String, List<UUID>> stored = new HashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            client.getDatabase(database).getCollection("enrolments")
                    .find(Filters.in("learnerId", new ArrayList<>(expected.learnerIds())))
                    .projection(new Document("progress", 0))
                    .forEach(doc -> stored.put(doc.getString("_id"), doc.getList("events", String.class).stream()
                            .map(text -> JSON.readValue(text, LearnerActivityEvent.class).eventId()).toList()));
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
