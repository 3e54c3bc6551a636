package io.qualtrack.spike.streams;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lean MongoDB model (a simplified stand-in for what progress-service will do): one plain consumer, and per poll
 * of up to 2,000 records: insert the events (unordered; a duplicate key is a duplicate), read the states of the
 * enrolments touched (one find $in), fold the new events in memory, write the touched states back in one unordered
 * bulk (replace guarded by the revision read; insert when new), then commit the offsets. Timed from the first
 * produce until the batch holding the last distinct event is written and committed.
 */
final class LeanMongoEngine {

    static final int MAX_POLL_RECORDS = 2_000;
    private static final ObjectReader EVENTS = JsonMapper.builder().build().readerFor(LearnerActivityEvent.class);

    record Result(Duration took, int polls, long stateWrites, long duplicateInserts, long lostRaces, List<String> problems, double avgStateBytes, String phases) {
    }

    /**
     * @param cacheStates keep the states this consumer wrote in memory and read only the ones it does not hold (the
     *                    revision guard still protects the write; the cache is dropped whenever partitions move)
     */
    static Result run(Broker broker, MongoDatabase db, SpikeWorkload workload, Reference reference, String suffix,
                      boolean cacheStates) throws Exception {
        String topic = "qualtrack.spike.lean." + suffix;
        String group = "qualtrack-spike-lean-" + suffix;
        Map<String, Enrolment> cache = new HashMap<>();
        broker.create(topic);
        MongoCollection<Document> events = db.getCollection("lean_events_" + suffix);
        MongoCollection<Document> states = db.getCollection("lean_enrolments_" + suffix);
        MongoWrites.prepareEvents(events);
        states.drop();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = broker.producerFor(topic)) {
            consumer.subscribe(List.of(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
                    cache.clear();
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
                    cache.clear();
                }
            });
            while (consumer.assignment().size() < Broker.PARTITIONS) {
                consumer.poll(Duration.ofMillis(100));
            }
            long started = System.nanoTime();
            CompletableFuture<Void> sent = Broker.sendAll(producer, topic, workload.records());
            long applied = 0;
            long duplicateInserts = 0;
            long lostRaces = 0;
            int polls = 0;
            long stateWrites = 0;
            Phases phases = new Phases();
            long deadline = started + Duration.ofMinutes(10).toNanos();
            while (applied < reference.distinctEvents()) {
                phases.reset();
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                phases.lap("poll");
                if (sent.isCompletedExceptionally() || System.nanoTime() > deadline) {
                    sent.get(1, TimeUnit.SECONDS);
                    throw new IllegalStateException("lean: " + applied + " of " + reference.distinctEvents() + " applied");
                }
                if (batch.isEmpty()) {
                    continue;
                }
                polls++;
                List<LearnerActivityEvent> parsed = new ArrayList<>(batch.count());
                List<Document> eventDocs = new ArrayList<>(batch.count());
                Map<String, Boolean> touchedKeys = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    LearnerActivityEvent event = EVENTS.readValue(record.value());
                    String key = Enrolment.keyOf(event);
                    parsed.add(event);
                    eventDocs.add(MongoWrites.eventDocument(record.value(), event.eventId().toString(), key));
                    touchedKeys.put(key, true);
                }
                phases.lap("parse");
                // 1. append the events; a duplicate key is an event stored before (whether it was applied is the state's to say)
                duplicateInserts += eventDocs.size() - MongoWrites.insertEvents(events, eventDocs);
                phases.lap("insert events");
                // 2. the touched enrolments' states, in one read
                Map<String, Enrolment> loaded = new HashMap<>();
                Map<String, Long> readRevision = new HashMap<>();
                List<String> toRead = new ArrayList<>();
                for (String key : touchedKeys.keySet()) {
                    Enrolment cached = cacheStates ? cache.get(key) : null;
                    if (cached == null) {
                        toRead.add(key);
                    } else {
                        loaded.put(key, cached);
                        readRevision.put(key, cached.revision);
                    }
                }
                if (!toRead.isEmpty()) {
                    for (Document doc : states.find(Filters.in("_id", toRead))) {
                        Enrolment e = Enrolment.fromDocument(doc);
                        loaded.put(e.id, e);
                        readRevision.put(e.id, e.revision);
                    }
                }
                phases.lap("find states");
                // 3. fold the events in memory (an event id the state has applied is skipped)
                Map<String, Enrolment> changed = new LinkedHashMap<>();
                for (LearnerActivityEvent event : parsed) {
                    Enrolment e = loaded.computeIfAbsent(Enrolment.keyOf(event), k -> Enrolment.start(event));
                    if (e.apply(event)) {
                        applied++;
                        changed.put(e.id, e);
                    }
                }
                phases.lap("fold");
                // 4. the changed states back in one bulk, guarded by the revision read; 5. then the offsets
                int lost = MongoWrites.writeGuarded(states, changed.values(), readRevision);
                if (lost > 0 && cacheStates) {
                    // another writer got there first: what is cached is stale; a real consumer re-reads and re-applies the batch
                    throw new IllegalStateException(lost + " revision races lost with a state cache");
                }
                lostRaces += lost;
                if (cacheStates) {
                    cache.putAll(changed);
                }
                stateWrites += changed.size();
                phases.lap("write " + "states");
                consumer.commitSync();
                phases.lap("commit");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            sent.get(1, TimeUnit.MINUTES);
            Result result = new Result(took, polls, stateWrites, duplicateInserts, lostRaces,
                    verify(events, states, reference), averageBytes(states), phases.toString());
            return result;
        } finally {
            broker.deleteTopics(topic::equals);
            events.drop();
            states.drop();
        }
    }

    /** The stored events and states against the reference: each distinct event once, each state as the rules give it. */
    static List<String> verify(MongoCollection<Document> events, MongoCollection<Document> states, Reference reference) {
        List<String> problems = new ArrayList<>();
        long stored = events.countDocuments();
        if (stored != reference.distinctEvents()) {
            problems.add(stored + " events stored, " + reference.distinctEvents() + " distinct sent");
        }
        Map<String, Enrolment> actual = new HashMap<>();
        for (Document doc : states.find().batchSize(200)) {
            Enrolment e = Enrolment.fromDocument(doc);
            actual.put(e.id, e);
        }
        problems.addAll(reference.differences(actual));
        return problems;
    }

    static double averageBytes(MongoCollection<Document> states) {
        long bytes = 0;
        int count = 0;
        for (org.bson.RawBsonDocument doc : states.withDocumentClass(org.bson.RawBsonDocument.class).find().batchSize(200)) {
            bytes += doc.getByteBuffer().remaining();
            count++;
        }
        return count == 0 ? 0 : (double) bytes / count;
    }
}
