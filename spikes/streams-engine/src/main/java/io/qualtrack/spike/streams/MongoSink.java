package io.qualtrack.spike.streams;

import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * MongoDB stays the store the APIs query: the Streams engine's outputs written there, as a Kafka Connect sink would,
 * by one consumer (read_committed, so only what the engine committed) per poll of up to 2,000 records: the new
 * events inserted (unordered; a duplicate key is a redelivery), the latest state of each enrolment in the poll upserted
 * (one unordered bulk, landing only over an older revision), then the offsets committed. At least once into MongoDB,
 * made idempotent by the event id and the revision.
 */
final class MongoSink implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String acceptedTopic;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> states;
    private final Reference reference;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<String, Long> written = new HashMap<>();
    private volatile long doneAt;
    private volatile boolean stopping;
    private long inserted;
    private int enrolmentsComplete;
    private long stateRecords;
    private long stateWrites;
    final Phases phases = new Phases();

    MongoSink(String bootstrapServers, String group, String acceptedTopic, String stateTopic, MongoCollection<Document> events,
              MongoCollection<Document> states, Reference reference) {
        this.acceptedTopic = acceptedTopic;
        this.events = events;
        this.states = states;
        this.reference = reference;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, LeanMongoEngine.MAX_POLL_RECORDS,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(acceptedTopic, stateTopic));
        thread = Thread.ofPlatform().name("spike-mongo-sink").start(this::run);
    }

    void awaitReady() throws InterruptedException {
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sink got no partitions within 60 s");
        }
    }

    /** The moment (System.nanoTime) the last distinct event and every enrolment's final state were written. */
    long awaitDone(Duration timeout) throws InterruptedException {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("sink: " + inserted + " of " + reference.distinctEvents() + " events, "
                    + enrolmentsComplete + " of " + reference.enrolments().size() + " final states written", failure.get());
        }
        if (failure.get() != null) {
            throw new IllegalStateException("sink failed", failure.get());
        }
        return doneAt;
    }

    private void run() {
        try {
            while (consumer.assignment().size() < 2 * Broker.PARTITIONS) {
                consumer.poll(Duration.ofMillis(100));
            }
            ready.countDown();
            while (!stopping) {
                phases.reset();
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                phases.lap("poll");
                if (batch.isEmpty()) {
                    continue;
                }
                List<Document> newEvents = new ArrayList<>();
                Map<String, Enrolment> latest = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (record.topic().equals(acceptedTopic)) {
                        Document doc = Document.parse(new String(record.value(), StandardCharsets.UTF_8));
                        doc.put("_id", doc.getString("eventId"));
                        doc.put("enrolment", io.qualtrack.contract.values.Identifiers.key(doc.getString("centreId"),
                                doc.getString("learnerId"), doc.getString("qualificationCode")));
                        newEvents.add(doc);
                    } else {
                        Enrolment state = Enrolment.fromJson(record.value());
                        latest.merge(state.id, state, (a, b) -> b.revision > a.revision ? b : a);
                        stateRecords++;
                    }
                }
                phases.lap("parse");
                inserted += MongoWrites.insertEvents(events, newEvents);
                phases.lap("insert events");
                MongoWrites.upsertNewer(states, latest.values());
                stateWrites += latest.size();
                phases.lap("upsert states");
                consumer.commitSync();
                phases.lap("commit");
                for (Enrolment e : latest.values()) {
                    Long before = written.put(e.id, e.revision);
                    long expected = reference.enrolments().get(e.id).events();
                    if (e.revision == expected && (before == null || before != expected)) {
                        enrolmentsComplete++;
                    }
                }
                if (doneAt == 0 && inserted == reference.distinctEvents() && enrolmentsComplete == reference.enrolments().size()) {
                    doneAt = System.nanoTime();
                    done.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure.set(e);
            ready.countDown();
            done.countDown();
        } finally {
            consumer.close();
        }
    }

    /** State records consumed and state documents written (after coalescing per poll). */
    String stateCounts() {
        return String.format("%,d state records consumed, %,d state writes", stateRecords, stateWrites);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(30_000);
    }
}
