package io.qualtrack.spike.streams;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Kafka Streams engine's topology (Processor API):
 * <pre>
 *   activity (key learner id) → fold ─┬→ accepted events topic (each new event once, as received)
 *                                     └→ enrolment state topic (per changed enrolment, once per punctuation)
 *   fold's stores: "enrolments" (RocksDB, cached, changelogged): enrolment key → {@link Enrolment} JSON
 *                  "dirty" (in memory, cached, changelogged): enrolments changed since the last emission
 * </pre>
 * A changed enrolment is marked dirty in a changelogged store rather than in a field, so that under exactly-once a
 * commit between the change and its emission cannot lose the emission: after a crash the dirty set is restored with
 * the state it belongs to. The punctuation (wall clock, every commit interval) emits and clears the dirty set.
 */
final class EnrolmentFold implements Processor<String, byte[], String, byte[]> {

    static final String STORE = "enrolments";
    static final String DIRTY = "dirty";
    static final String ACCEPTED_SINK = "accepted-sink";
    static final String STATE_SINK = "state-sink";
    private static final byte[] MARK = new byte[0];
    private static final ObjectReader EVENTS = JsonMapper.builder().build().readerFor(LearnerActivityEvent.class);

    private final LongAdder duplicates;
    private final Duration emitEvery;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private KeyValueStore<String, byte[]> dirty;

    EnrolmentFold(LongAdder duplicates, Duration emitEvery) {
        this.duplicates = duplicates;
        this.emitEvery = emitEvery;
    }

    static Topology topology(String input, String acceptedTopic, String stateTopic, LongAdder duplicates, Duration emitEvery) {
        Topology topology = new Topology();
        topology.addSource("activity", new StringDeserializer(), new ByteArrayDeserializer(), input);
        topology.addProcessor("fold", () -> new EnrolmentFold(duplicates, emitEvery), "activity");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled(), "fold");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DIRTY), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled(), "fold");
        topology.addSink(ACCEPTED_SINK, acceptedTopic, new StringSerializer(), new ByteArraySerializer(), "fold");
        topology.addSink(STATE_SINK, stateTopic, new StringSerializer(), new ByteArraySerializer(), "fold");
        return topology;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        store = context.getStateStore(STORE);
        dirty = context.getStateStore(DIRTY);
        context.schedule(emitEvery, PunctuationType.WALL_CLOCK_TIME, now -> emitChanged(now));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        LearnerActivityEvent event = EVENTS.readValue(record.value());
        String key = Enrolment.keyOf(event);
        byte[] stored = store.get(key);
        Enrolment enrolment = stored == null ? Enrolment.start(event) : Enrolment.fromJson(stored);
        if (!enrolment.apply(event)) {
            duplicates.increment();
            return;
        }
        store.put(key, enrolment.toJson());
        dirty.put(key, MARK);
        context.forward(record, ACCEPTED_SINK);
    }

    private void emitChanged(long now) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = dirty.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> next = it.next();
                keys.add(next.key);
            }
        }
        for (String key : keys) {
            context.forward(new Record<>(key, store.get(key), now), STATE_SINK);
            dirty.delete(key);
        }
    }
}
