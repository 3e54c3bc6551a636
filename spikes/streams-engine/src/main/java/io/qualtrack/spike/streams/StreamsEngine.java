package io.qualtrack.spike.streams;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * One run of the Kafka Streams engine on fresh topics and a fresh application id: started and assigned before the
 * clock starts, then every record produced; "streams" is the time until the application has committed the whole input
 * (state stores, changelogs and outputs committed with it, exactly-once v2); "with sink" additionally until the MongoDB
 * sink has stored every distinct event and every enrolment's final state.
 */
final class StreamsEngine {

    /** The commit interval (exactly-once's default) and the state emission's punctuation. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    record Result(Duration streams, Duration sink, int streamThreads, int javaThreads, long rocksDbBytes, long changelogBytes,
                  long outputBytes, long duplicatesSkipped, List<String> problems, double avgStateBytes, double avgStoreValueBytes, String threadTimes, String sinkPhases) {
    }

    static Result run(Broker broker, MongoDatabase db, SpikeWorkload workload, Reference reference, String suffix,
                      int streamThreads, String guarantee, boolean withSink, Path stateRoot) throws Exception {
        String appId = "qualtrack-spike-streams-" + suffix;
        String input = "qualtrack.spike.streams.in." + suffix;
        String accepted = "qualtrack.spike.streams.accepted." + suffix;
        String stateTopic = "qualtrack.spike.streams.state." + suffix;
        broker.create(input, accepted, stateTopic);
        MongoCollection<Document> events = db.getCollection("streams_events_" + suffix);
        MongoCollection<Document> states = db.getCollection("streams_enrolments_" + suffix);
        MongoWrites.prepareEvents(events);
        states.drop();
        Path stateDir = stateRoot.resolve(suffix);

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) COMMIT_INTERVAL.toMillis());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");

        LongAdder duplicates = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        KafkaStreams streams = new KafkaStreams(EnrolmentFold.topology(input, accepted, stateTopic, duplicates, COMMIT_INTERVAL), props);
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        MongoSink sink = null;
        try {
            streams.start();
            awaitRunning(streams, failure);
            if (withSink) {
                sink = new MongoSink(broker.bootstrapServers, appId + "-sink", accepted, stateTopic, events, states, reference);
                sink.awaitReady();
            }
            Duration streamsTook;
            Duration sinkTook = null;
            try (KafkaProducer<String, byte[]> producer = broker.producerFor(input)) {
                long started = System.nanoTime();
                CompletableFuture<Void> sent = Broker.sendAll(producer, input, workload.records());
                long deadline = started + Duration.ofMinutes(10).toNanos();
                while (!sent.isDone() || broker.lag(appId, input) > 0) {
                    if (failure.get() != null || sent.isCompletedExceptionally() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("streams: not caught up; lag " + broker.lag(appId, input), failure.get());
                    }
                    Thread.sleep(20);
                }
                streamsTook = Duration.ofNanos(System.nanoTime() - started);
                sent.get(1, TimeUnit.MINUTES);
                if (sink != null) {
                    sinkTook = Duration.ofNanos(sink.awaitDone(Duration.ofMinutes(10)) - started);
                }
            }
            String threadTimes = threadTimes(streams);
            int javaThreads = (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains(appId)).count();
            long rocksDb = directoryBytes(stateDir);
            long changelog = broker.bytesOnDisk(t -> t.startsWith(appId) && t.endsWith("-changelog"));
            long output = broker.bytesOnDisk(t -> t.equals(accepted) || t.equals(stateTopic));

            Map<String, Enrolment> stored = new HashMap<>();
            double avgStoreValueBytes = storeContents(streams, stored);
            List<String> problems = new ArrayList<>(reference.differences(stored));
            double avgStateBytes = 0;
            String sinkPhases = "";
            if (sink != null) {
                sinkPhases = sink.stateCounts() + "; " + sink.phases;
                sink.close();
                sink = null;
                problems.addAll(LeanMongoEngine.verify(events, states, reference).stream().map(p -> "mongo: " + p).toList());
                avgStateBytes = LeanMongoEngine.averageBytes(states);
            }
            return new Result(streamsTook, sinkTook, streamThreads, javaThreads, rocksDb, changelog, output, duplicates.sum(),
                    problems, avgStateBytes, avgStoreValueBytes, threadTimes, sinkPhases);
        } finally {
            if (sink != null) {
                sink.close();
            }
            streams.close(Duration.ofSeconds(60));
            streams.cleanUp();
            broker.deleteTopics(t -> t.equals(input) || t.equals(accepted) || t.equals(stateTopic) || t.startsWith(appId));
            events.drop();
            states.drop();
            deleteRecursively(stateDir);
        }
    }

    private static void awaitRunning(KafkaStreams streams, AtomicReference<Throwable> failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (failure.get() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("streams not running: " + streams.state(), failure.get());
            }
            Thread.sleep(50);
        }
    }

    /** The engine's own state (returns the average value size), read through interactive queries (RocksDB and its cache): what it will keep serving from. */
    private static double storeContents(KafkaStreams streams, Map<String, Enrolment> into) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(
                StoreQueryParameters.fromNameAndType(EnrolmentFold.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        long bytes = 0;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> next = it.next();
                bytes += next.value.length;
                into.put(next.key, Enrolment.fromJson(next.value));
            }
        }
        return into.isEmpty() ? 0 : (double) bytes / into.size();
    }

    /** Where the stream threads' time went, from their own metrics (total = count x average latency, summed over threads). */
    private static String threadTimes(KafkaStreams streams) {
        Map<String, double[]> sums = new java.util.TreeMap<>();
        for (var metric : streams.metrics().entrySet()) {
            var name = metric.getKey();
            if (!name.group().equals("stream-thread-metrics")) {
                continue;
            }
            for (String op : List.of("poll", "process", "punctuate", "commit")) {
                if (name.name().equals(op + "-total") || name.name().equals(op + "-latency-avg")) {
                    Object value = metric.getValue().metricValue();
                    double v = value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : 0;
                    double[] sum = sums.computeIfAbsent(op, k -> new double[2]);
                    if (name.name().endsWith("-total")) {
                        sum[0] += v;
                    } else {
                        sum[1] = Math.max(sum[1], v);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        sums.forEach((op, v) -> text.append(String.format("%s %,.0f x %.1f ms; ", op, v[0], v[1])));
        return text.toString();
    }

    static long directoryBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
