package io.qualtrack.spike.streams;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU the fold costs per record, in this process alone (no Kafka, no MongoDB), best of 5 passes:
 * "per event" as a key-value store engine does it (the state read from bytes and written back as bytes for every
 * event, which Kafka Streams' stores and caches do), "per batch" as the lean model does it (each state decoded once
 * per poll of 2,000, folded in memory, encoded to BSON once).
 */
final class FoldCost {

    private static final ObjectReader EVENTS = JsonMapper.builder().build().readerFor(LearnerActivityEvent.class);

    record Result(double perEventMicros, double perBatchMicros) {
    }

    static Result measure(List<SpikeWorkload.Keyed> records) {
        double perEvent = Double.MAX_VALUE;
        double perBatch = Double.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
            perEvent = Math.min(perEvent, perEvent(records));
            perBatch = Math.min(perBatch, perBatch(records));
        }
        return new Result(perEvent, perBatch);
    }

    private static double perEvent(List<SpikeWorkload.Keyed> records) {
        Map<String, byte[]> store = new HashMap<>();
        long started = System.nanoTime();
        for (SpikeWorkload.Keyed r : records) {
            LearnerActivityEvent event = EVENTS.readValue(r.value());
            String key = Enrolment.keyOf(event);
            byte[] stored = store.get(key);
            Enrolment e = stored == null ? Enrolment.start(event) : Enrolment.fromJson(stored);
            if (e.apply(event)) {
                store.put(key, e.toJson());
            }
        }
        return (System.nanoTime() - started) / 1e3 / records.size();
    }

    private static double perBatch(List<SpikeWorkload.Keyed> records) {
        Map<String, RawBsonDocument> stored = new HashMap<>();
        DocumentCodec codec = new DocumentCodec();
        long started = System.nanoTime();
        for (int from = 0; from < records.size(); from += LeanMongoEngine.MAX_POLL_RECORDS) {
            Map<String, Enrolment> loaded = new HashMap<>();
            Map<String, Enrolment> changed = new LinkedHashMap<>();
            for (SpikeWorkload.Keyed r : records.subList(from, Math.min(records.size(), from + LeanMongoEngine.MAX_POLL_RECORDS))) {
                LearnerActivityEvent event = EVENTS.readValue(r.value());
                String key = Enrolment.keyOf(event);
                Enrolment e = loaded.computeIfAbsent(key, k -> {
                    RawBsonDocument doc = stored.get(k);
                    return doc == null ? Enrolment.start(event) : Enrolment.fromDocument(codec.decode(doc.asBsonReader(), null));
                });
                if (e.apply(event)) {
                    changed.put(key, e);
                }
            }
            changed.forEach((k, e) -> stored.put(k, new RawBsonDocument(e.toDocument(), codec)));
        }
        return (System.nanoTime() - started) / 1e3 / records.size();
    }
}
