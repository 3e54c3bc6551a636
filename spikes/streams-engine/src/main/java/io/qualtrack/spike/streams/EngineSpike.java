package io.qualtrack.spike.streams;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.qualtrack.localstack.CatalogueSnapshot;
import io.qualtrack.localstack.ClientCredentials;
import io.qualtrack.localstack.ContentCatalogueReader;
import io.qualtrack.localstack.DemoLoaderSettings;
import io.qualtrack.localstack.HttpJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Issue 17 item 3, one run: on a running broker and MongoDB (./run-local's), round after round on the benchmark's
 * workload, the floor, the Kafka Streams engine without and with its MongoDB sink, and the lean MongoDB model, each
 * timed from the first produce, each checked against progress-service's rules; a table per round and the medians.
 *
 * <pre>java -jar spikes/streams-engine/target/streams-engine-spike-0.1.0-SNAPSHOT.jar \
 *     [--kafka localhost:9092] [--mongo mongodb://localhost:27017] [--content http://localhost:8081]
 *     [--issuer http://localhost:9000] [--rounds 3] [--threads 1] [--learners-per-cohort 100] [--insert-probe false]</pre>
 */
public final class EngineSpike {

    private static final long SEED = 2026;
    private static final String DATABASE = "qualtrack-spike-engine";

    private EngineSpike() {
    }

    record Round(SpikeWorkload workload, Reference reference, Floor.Result floor, StreamsEngine.Result streams,
                 StreamsEngine.Result atLeastOnce, StreamsEngine.Result streamsWithSink, LeanMongoEngine.Result lean,
                 LeanMongoEngine.Result leanCached) {
        int records() {
            return workload.records().size();
        }

        double rate(Duration d) {
            return records() / (d.toNanos() / 1e9);
        }

        double floorRate() {
            return rate(floor.total());
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String kafka = "localhost:9092";
        String mongo = "mongodb://localhost:27017";
        String content = "http://localhost:8081";
        String issuer = "http://localhost:9000";
        int rounds = 3;
        int threads = 1;
        int perCohort = 100;
        boolean insertProbe = false;
        String guarantee = "exactly_once_v2"; // the engine under test; each round also runs it at_least_once to show EOS's cost
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--kafka" -> kafka = value;
                case "--mongo" -> mongo = value;
                case "--content" -> content = value;
                case "--issuer" -> issuer = value;
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--learners-per-cohort" -> perCohort = Integer.parseInt(value);
                case "--insert-probe" -> insertProbe = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long runStarted = System.nanoTime();
        HttpJson anonymous = new HttpJson();
        ClientCredentials token = new ClientCredentials(anonymous, new DemoLoaderSettings.Client(issuer, "benchmark", "benchmark-secret"));
        CatalogueSnapshot catalogue = new ContentCatalogueReader(anonymous.authorizedBy(token::authorization), content)
                .read(Duration.ofMinutes(1));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path stateRoot = Path.of("target", "spike-streams-state").toAbsolutePath();
        Files.createDirectories(stateRoot);
        String runId = Long.toString(System.currentTimeMillis(), 36);

        System.out.printf("# engine spike, %s; %d cores, JDK %s; Kafka %s, MongoDB %s; %d stream thread(s), processing.guarantee=%s%n",
                ZonedDateTime.now(ZoneOffset.UTC).withNano(0), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                kafka, mongo, threads, guarantee);
        List<Round> done = new ArrayList<>();
        try (Broker broker = new Broker(kafka); MongoClient client = MongoClients.create(mongo)) {
            MongoDatabase db = client.getDatabase(DATABASE);
            // round 0 warms up both JVMs' paths (this one's, the broker's and the stand-in's): a fifth of the size, not reported
            for (int r = 0; r <= rounds; r++) {
                SpikeWorkload workload = SpikeWorkload.generate(catalogue, "S" + r, 4, 3, r == 0 ? Math.max(5, perCohort / 5) : perCohort,
                        SEED + r, today);
                Reference reference = new Reference(workload.deliveries());
                if (r == 1) {
                    FoldCost.Result cpu = FoldCost.measure(workload.records());
                    System.out.printf("CPU of the fold alone (no I/O, best of 5): %.1f µs/record with the state decoded and encoded per event "
                            + "(a key-value store engine), %.1f µs/record per poll of %,d (the lean model)%n", cpu.perEventMicros(),
                            cpu.perBatchMicros(), LeanMongoEngine.MAX_POLL_RECORDS);
                }
                String suffix = runId + "-" + r;
                progress(runStarted, "round %d: %,d records, %,d learners; floor …", r, workload.records().size(), workload.learners());
                Floor.Result floor = Floor.run(broker, db, workload.records(), suffix);
                // the engines take turns going first (odd rounds: Streams first, even rounds: lean first), so that a
                // drift in what else the shared machine runs does not always favour the same one
                LeanMongoEngine.Result lean = null;
                LeanMongoEngine.Result leanCached = null;
                if (r % 2 == 0) {
                    progress(runStarted, "round %d: lean MongoDB …", r);
                    lean = LeanMongoEngine.run(broker, db, workload, reference, suffix, false);
                    progress(runStarted, "round %d: lean MongoDB with a state cache …", r);
                    leanCached = LeanMongoEngine.run(broker, db, workload, reference, suffix + "-c", true);
                }
                progress(runStarted, "round %d: Kafka Streams, no sink …", r);
                StreamsEngine.Result streams = StreamsEngine.run(broker, db, workload, reference, suffix + "-a", threads, guarantee, false, stateRoot);
                progress(runStarted, "round %d: Kafka Streams, at_least_once, no sink …", r);
                StreamsEngine.Result atLeastOnce = StreamsEngine.run(broker, db, workload, reference, suffix + "-c", threads,
                        "at_least_once", false, stateRoot);
                progress(runStarted, "round %d: Kafka Streams + MongoDB sink …", r);
                StreamsEngine.Result withSink = StreamsEngine.run(broker, db, workload, reference, suffix + "-b", threads, guarantee, true, stateRoot);
                if (lean == null) {
                    progress(runStarted, "round %d: lean MongoDB …", r);
                    lean = LeanMongoEngine.run(broker, db, workload, reference, suffix, false);
                    progress(runStarted, "round %d: lean MongoDB with a state cache …", r);
                    leanCached = LeanMongoEngine.run(broker, db, workload, reference, suffix + "-c", true);
                }
                Round round = new Round(workload, reference, floor, streams, atLeastOnce, withSink, lean, leanCached);
                if (r == 0) {
                    System.out.println(describe(r, round).replace("## round 0:", "## warm-up (not counted):"));
                } else {
                    done.add(round);
                    System.out.println(describe(r, round));
                }
            }
            if (insertProbe && !done.isEmpty()) {
                System.out.println(InsertProbe.run(db, done.getFirst().workload()));
            }
            db.drop();
        }
        System.out.println(medians(done));
        System.out.printf("run took %.0f s%n", (System.nanoTime() - runStarted) / 1e9);
        boolean correct = done.stream().allMatch(r -> r.streams().problems().isEmpty() && r.atLeastOnce().problems().isEmpty()
                && r.streamsWithSink().problems().isEmpty()
                && r.lean().problems().isEmpty() && r.leanCached().problems().isEmpty());
        System.exit(correct ? 0 : 1);
    }

    private static String describe(int number, Round r) {
        SpikeWorkload w = r.workload();
        StringBuilder t = new StringBuilder();
        t.append(String.format("%n## round %d: %,d records (%,d learners, %,d distinct events, %,d late, %,d duplicates, %,d KiB of JSON)%n",
                number, r.records(), w.learners(), r.reference().distinctEvents(), w.late(), w.duplicates(), w.bytes() / 1024));
        t.append(String.format("  (a fold applying events in arrival order would end %d of %,d enrolments wrong: the late events matter)%n",
                r.reference().wrongInArrivalOrder(), r.reference().enrolments().size()));
        t.append(String.format("  %-46s %8s %12s %9s%n", "", "seconds", "events/s", "÷ floor"));
        line(t, "floor: Kafka produce + consume", r.floor().kafka(), r, false);
        line(t, "floor: MongoDB inserts (bulks of " + Floor.BULK + ")", r.floor().mongo(), r, false);
        line(t, "floor: both, one after the other", r.floor().total(), r, true);
        line(t, "Kafka Streams, input committed", r.streams().streams(), r, true);
        t.append(String.format("  %-46s %8s %12s %9.2f%n", "  the same ÷ the Kafka floor alone", "", "",
                r.rate(r.streams().streams()) / r.rate(r.floor().kafka())));
        line(t, "Kafka Streams, at_least_once (EOS's cost)", r.atLeastOnce().streams(), r, true);
        line(t, "Kafka Streams + MongoDB sink", r.streamsWithSink().sink(), r, true);
        t.append(String.format("  %-46s %8.2f   (the same run, Streams itself)%n", "  of which input committed at",
                seconds(r.streamsWithSink().streams())));
        line(t, "lean MongoDB (" + r.lean().polls() + " polls)", r.lean().took(), r, true);
        line(t, "lean MongoDB + state cache (" + r.leanCached().polls() + " polls)", r.leanCached().took(), r, true);
        for (StreamsEngine.Result s : List.of(r.streams(), r.atLeastOnce(), r.streamsWithSink())) {
            t.append(String.format("  streams%s: %d stream thread(s), %d Java threads of the app; store %,d entries x %,.0f B = %,d KiB "
                            + "(RocksDB dir on disk %,d KiB); changelog topics %,d KiB, output topics %,d KiB; %,d duplicates skipped%n",
                    s == r.atLeastOnce() ? " (at_least_once)" : s.sink() == null ? "" : "+sink", s.streamThreads(), s.javaThreads(),
                    r.reference().enrolments().size(), s.avgStoreValueBytes(),
                    (long) (r.reference().enrolments().size() * s.avgStoreValueBytes() / 1024), s.rocksDbBytes() / 1024,
                    s.changelogBytes() / 1024, s.outputBytes() / 1024, s.duplicatesSkipped()));
            t.append(String.format("    stream threads' own metrics (count x avg latency): %s%n", s.threadTimes()));
            if (s.sink() != null) {
                t.append(String.format("    sink: %s%n", s.sinkPhases()));
            }
        }
        t.append(String.format("  MongoDB state document avg: streams sink %,.0f B, lean %,.0f B; lean: %,d duplicate inserts, %d lost revision races%n",
                r.streamsWithSink().avgStateBytes(), r.lean().avgStateBytes(), r.lean().duplicateInserts(), r.lean().lostRaces()));
        t.append(String.format("  lean: %,d state writes; time: %s%n", r.lean().stateWrites(), r.lean().phases()));
        t.append(String.format("  lean + cache: %,d state writes; time: %s%n", r.leanCached().stateWrites(), r.leanCached().phases()));
        t.append(String.format("  checks against the rules: streams %s; streams at_least_once %s; streams+sink %s; lean %s; lean + cache %s",
                verdict(r.streams().problems()), verdict(r.atLeastOnce().problems()), verdict(r.streamsWithSink().problems()),
                verdict(r.lean().problems()), verdict(r.leanCached().problems())));
        return t.toString();
    }

    private static void line(StringBuilder t, String label, Duration took, Round r, boolean ratio) {
        t.append(String.format("  %-46s %8.2f %,12.0f %9s%n", label, seconds(took), r.rate(took),
                ratio ? String.format("%.2f", r.rate(took) / r.floorRate()) : ""));
    }

    private static String medians(List<Round> rounds) {
        StringBuilder t = new StringBuilder(String.format("%n## median of %d rounds%n", rounds.size()));
        t.append(String.format("  %-46s %12s %9s%n", "", "events/s", "÷ floor"));
        median(t, rounds, "floor (Kafka + MongoDB inserts)", r -> r.floor().total());
        median(t, rounds, "Kafka Streams, no sink", r -> r.streams().streams());
        median(t, rounds, "Kafka Streams, at_least_once, no sink", r -> r.atLeastOnce().streams());
        median(t, rounds, "Kafka Streams + MongoDB sink", r -> r.streamsWithSink().sink());
        median(t, rounds, "lean MongoDB", r -> r.lean().took());
        median(t, rounds, "lean MongoDB + state cache", r -> r.leanCached().took());
        t.append(String.format("  %-46s %12s %9.2f%n", "Kafka Streams, no sink ÷ the Kafka floor alone", "",
                median(rounds, r -> r.rate(r.streams().streams()) / r.rate(r.floor().kafka()))));
        t.append(String.format("  %-46s %12s %9.2f%n", "Streams exactly_once_v2 ÷ at_least_once", "",
                median(rounds, r -> r.rate(r.streams().streams()) / r.rate(r.atLeastOnce().streams()))));
        t.append(String.format("  %-46s %12s %9.2f%n", "lean ÷ Streams + sink (same round)", "",
                median(rounds, r -> r.rate(r.lean().took()) / r.rate(r.streamsWithSink().sink()))));
        t.append(String.format("  %-46s %12s %9.2f%n", "lean + cache ÷ Streams + sink (same round)", "",
                median(rounds, r -> r.rate(r.leanCached().took()) / r.rate(r.streamsWithSink().sink()))));
        return t.toString();
    }

    private static void median(StringBuilder t, List<Round> rounds, String label, java.util.function.Function<Round, Duration> took) {
        double rate = median(rounds, r -> r.rate(took.apply(r)));
        double ratio = median(rounds, r -> r.rate(took.apply(r)) / r.floorRate());
        t.append(String.format("  %-46s %,12.0f %9.2f%n", label, rate, ratio));
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String verdict(List<String> problems) {
        return problems.isEmpty() ? "OK" : "FAILED " + problems;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static void progress(long runStarted, String format, Object... args) {
        System.out.printf("[%4.0f s] %s%n", (System.nanoTime() - runStarted) / 1e9, String.format(format, args));
    }
}
