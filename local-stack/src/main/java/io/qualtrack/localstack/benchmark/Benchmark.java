package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.Topics;
import io.qualtrack.localstack.CatalogueSnapshot;
import io.qualtrack.localstack.ClientCredentials;
import io.qualtrack.localstack.ContentCatalogueReader;
import io.qualtrack.localstack.DemoCohort;
import io.qualtrack.localstack.DemoLoaderSettings;
import io.qualtrack.localstack.HttpJson;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One run, one table: the local stack started as a user starts it ({@code ./run-local}), then on that stack the
 * pipeline (produce → progress → read models) against the raw floor of the same broker and database, event →
 * dashboard latency at half the sustained rate, the read APIs at two sizes of the read models, and each
 * process's resident memory. Every figure beside its baseline, measured in the same run.
 *
 * <pre>./benchmark [--quick]</pre>
 */
public final class Benchmark {

    private static final String KAFKA = "localhost:9092";
    private static final String MONGO = "mongodb://localhost:27017";
    private static final String CONTENT_URL = "http://localhost:8081";
    private static final String PROGRESS_URL = "http://localhost:8082";
    private static final String REPORT_URL = "http://localhost:8083";
    private static final String ISSUER = "http://localhost:9000";
    private static final long SEED = 2026;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkProfile profile = BenchmarkProfile.standard();
        Path repository = Path.of(".").toAbsolutePath().normalize();
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> profile = BenchmarkProfile.quick();
                default -> {
                    System.err.println("usage: ./benchmark [--quick]");
                    System.exit(2);
                }
            }
        }
        Path output = repository.resolve("target/benchmark");
        deleteRecursively(output);
        Figures figures;
        try {
            figures = run(profile, repository, output);
        } catch (Exception | Error e) {
            System.err.println("benchmark failed: " + describe(e));
            System.err.println("(./run-local's output and the services' logs are under " + output + ")");
            System.exit(1);
            return;
        }
        System.out.println(figures.text());
        figures.write(output.resolve("benchmark-" + profile.name() + ".txt"));
        System.out.println("Written to " + output.resolve("benchmark-" + profile.name() + ".txt"));
    }

    static Figures run(BenchmarkProfile profile, Path repository, Path output) throws Exception {
        long runStarted = System.nanoTime();
        Figures figures = new Figures();
        figures.line("# qualtrack benchmark, profile %s, %s", profile.name(), ZonedDateTime.now(ZoneOffset.UTC).withNano(0));
        figures.line("machine: %d cores, %.1f GiB, %s %s, JDK %s", Runtime.getRuntime().availableProcessors(),
                totalMemoryGiB(), System.getProperty("os.name"), System.getProperty("os.version"), Runtime.version());

        // it measures read latency as one client, far beyond a caller's read allowance: the limiter is not what is measured
        StackProcess stack = new StackProcess(repository, output.resolve("stack"), Map.of("QUALTRACK_RATELIMIT_READS_ENABLED", "false"));
        Thread stopOnExit = new Thread(() -> {
            try {
                stack.stop();
            } catch (InterruptedException | RuntimeException e) {
                System.err.println("could not stop ./run-local: " + e);
            }
        });
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            List<Duration> starts = new ArrayList<>();
            List<Integer> reported = new ArrayList<>();
            for (int i = 1; i <= profile.stackStarts(); i++) {
                if (i > 1) {
                    stack.stop();
                }
                System.out.println("Starting the local stack (" + i + " of " + profile.stackStarts() + ") …");
                starts.add(stack.start());
                reported.add(stack.reportedSeconds());
            }
            Map<String, StackProcess.Memory> idle = stack.memory();

            HttpJson anonymous = new HttpJson();
            ClientCredentials token = new ClientCredentials(anonymous, new DemoLoaderSettings.Client(ISSUER, "benchmark", "benchmark-secret"));
            HttpJson http = anonymous.authorizedBy(token::authorization);
            CatalogueSnapshot catalogue = new ContentCatalogueReader(http, CONTENT_URL).read(Duration.ofMinutes(1));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            // --- the pipeline, and the floor of the same broker and database, round after round -----------------------
            int partitions;
            try (ConsumerLag lag = new ConsumerLag(KAFKA)) {
                partitions = lag.partitions(Topics.ACTIVITY);
            }
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= profile.rounds(); r++) {
                Workload workload = Workload.generate(catalogue, "B" + r, profile.centres(), profile.cohortsPerCentre(),
                        profile.learnersPerCohort(), SEED + r, today);
                List<Records.Keyed> records = workload.records();
                System.out.printf("[%3.0f s] Pipeline, round %d of %d: %,d records (%,d learners) …%n", since(runStarted), r,
                        profile.rounds(), records.size(), workload.learners());
                Duration pipeline = new Pipeline(KAFKA).run(records);
                checkCohorts(http, workload);
                System.out.printf("[%3.0f s] Floor: the same records through the broker alone, the same writes through the driver alone …%n",
                        since(runStarted));
                Duration kafkaFloor = new KafkaFloor(KAFKA).run(records, partitions);
                MongoFloor mongoFloor = new MongoFloor(MONGO);
                Duration mongo = mongoFloor.run(workload.deliveries());
                rounds.add(new Round(workload, records.size(), pipeline, kafkaFloor, mongo, mongoFloor.averageBytes()));
            }
            Round median = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList().get(rounds.size() / 2);
            double pipelineRate = median.pipelineRate();

            // --- event → dashboard at half the sustained rate ----------------------------------------------------------
            double halfRate = pipelineRate / 2;
            int backgroundLearners = (int) Math.ceil(halfRate * profile.halfLoad().toSeconds() * 1.3 / 20);
            int perCohort = profile.learnersPerCohort();
            int backgroundCohorts = Math.max(1, backgroundLearners / perCohort + 1);
            Workload background = Workload.generate(catalogue, "H", backgroundCohorts, 1, perCohort, SEED + 1, today);
            System.out.printf("[%3.0f s] Event → dashboard: %.0f events/s for %d s, a probe every %d ms …%n", since(runStarted),
                    halfRate, profile.halfLoad().toSeconds(), profile.probeEvery().toMillis());
            DashboardLatency.Result latency = new DashboardLatency(KAFKA, http, PROGRESS_URL, REPORT_URL)
                    .run(background.records(), halfRate, profile.halfLoad(), profile.probeEvery());

            // --- read APIs at scale ---------------------------------------------------------------------------------------
            int learnersSoFar = rounds.stream().mapToInt(r -> r.workload().learners()).sum()
                    + backgroundLearnersSent(background, latency) + latency.probes();
            ReadModelScale scale = new ReadModelScale(KAFKA, http, REPORT_URL, learnersSoFar);
            List<ReadModelScale.Timings> timings = new ArrayList<>();
            Random random = new Random(SEED);
            for (int target : profile.readModelScales()) {
                System.out.printf("[%3.0f s] Read APIs at %,d learners …%n", since(runStarted), target);
                timings.add(scale.at(target, profile.apiRequests(), random));
            }
            Map<String, StackProcess.Memory> loaded = stack.memory();
            Duration stop = stack.stop();

            // --- the table -------------------------------------------------------------------------------------------------
            figures.heading("Pipeline: produce → progress-service → report-service read models");
            Workload first = rounds.getFirst().workload();
            figures.line("  workload per round: %d centres, %d cohorts, %,d learners on the seed qualifications; %,d records "
                            + "(%,d late, %,d duplicates)", profile.centres(), first.cohorts().size(), first.learners(),
                    rounds.getFirst().records(), first.late(), first.duplicates());
            for (int r = 0; r < rounds.size(); r++) {
                Round round = rounds.get(r);
                figures.line("  round %d%s", r + 1, round == median ? "  (the median: the figure reported)" : "");
                figures.line("    %-44s %8.1f s  %,10.0f events/s", "pipeline (until both services caught up)", seconds(round.pipeline()),
                        round.pipelineRate());
                figures.line("    %-44s %8.1f s  %,10.0f events/s", "floor: Kafka produce + consume, same records",
                        seconds(round.kafkaFloor()), rate(round.records(), round.kafkaFloor()));
                figures.line("    %-44s %8.1f s  %,10.0f events/s   (avg document %,d bytes, bulks of %d)",
                        "floor: MongoDB bulk upserts, one per event", seconds(round.mongoFloor()), rate(round.records(), round.mongoFloor()),
                        round.documentBytes(), MongoFloor.BULK);
                figures.line("    %-44s %8.1f s  %,10.0f events/s", "floor: both, one after the other",
                        seconds(round.kafkaFloor().plus(round.mongoFloor())), round.floorRate());
                figures.line("    %-44s %.2f", "ratio pipeline / floor", round.ratio());
            }

            figures.heading("Event → dashboard (publish → counted by the cohort summary API)");
            figures.line("  load: %,.0f events/s (half the sustained rate) for %d s, %,d background events, %d probe enrolments",
                    latency.backgroundRate(), profile.halfLoad().toSeconds(), latency.backgroundSent(), latency.probes());
            figures.line("  %-46s %s", "latency", latency.describeLatency());
            figures.line("  %-46s %s", "of which publish → progress API answers", latency.describeApplied());
            figures.line("  %-46s %d of %d", "probes not counted 30 s after the load stopped", latency.notVisible(), latency.probes());

            figures.heading("Read APIs (one client, sequential, random cohorts of " + ReadModelScale.COHORT_SIZE + ")");
            for (ReadModelScale.Timings t : timings) {
                figures.line("  %,7d learners  %-26s %s", t.learners(), "cohort summary", t.summary().describe());
                figures.line("  %,7d learners  %-26s %s", t.learners(), "learner list (first page)", t.learnerList().describe());
                figures.line("  %,7d learners  %-26s %.1f s", t.learners(), "read models grown in", seconds(t.grownIn()));
            }

            figures.heading("Local stack (./run-local: Kafka, MongoDB stand-in, identity server, three services)");
            for (int i = 0; i < starts.size(); i++) {
                figures.line("  %-46s %8.1f s  (run-local: all ready in %d s)", i == 0 ? "start, from nothing" : "start again, data kept",
                        seconds(starts.get(i)), reported.get(i));
            }
            figures.line("  %-46s %8.1f s", "stop (SIGTERM, everything)", seconds(stop));
            figures.line("  %-20s %14s %14s %14s", "process", "RSS idle MiB", "RSS loaded MiB", "peak MiB");
            for (String name : idle.keySet()) {
                StackProcess.Memory after = loaded.getOrDefault(name, new StackProcess.Memory(-1, -1));
                figures.line("  %-20s %14.0f %14.0f %14.0f", name, idle.get(name).residentMiB(), after.residentMiB(), after.peakMiB());
            }

            figures.heading("Targets");
            figures.target("pipeline ≥ 70% of the floor", median.ratio() >= 0.7,
                    String.format("%.2f (median of %d rounds)", median.ratio(), rounds.size()));
            figures.target("event → dashboard p99 ≤ 1 s at half load",
                    latency.notVisible() == 0 && latency.latency() != null && latency.latency().p99() <= 1000,
                    latency.latency() == null ? "no probe visible" : String.format("p99 %.0f ms, %d probes never visible",
                            latency.latency().p99(), latency.notVisible()));
            ReadModelScale.Timings largest = timings.getLast();
            figures.target("cohort summary p95 ≤ 50 ms at " + String.format("%,d", largest.learners()) + " learners",
                    largest.summary().p95() <= 50, String.format("p95 %.1f ms", largest.summary().p95()));
            Duration lastStart = starts.getLast();
            figures.target("stack up in ≤ 30 s", lastStart.toMillis() <= 30_000, String.format("%.1f s", seconds(lastStart)));
            figures.line("");
            figures.line("benchmark run took %.0f s", (System.nanoTime() - runStarted) / 1e9);
            return figures;
        } finally {
            stack.stop();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** One pipeline run and the floor measured right after it on the same records. */
    private record Round(Workload workload, int records, Duration pipeline, Duration kafkaFloor, Duration mongoFloor, long documentBytes) {
        double pipelineRate() {
            return rate(records, pipeline);
        }

        double floorRate() {
            return rate(records, kafkaFloor.plus(mongoFloor));
        }

        double ratio() {
            return pipelineRate() / floorRate();
        }
    }

    /** The background workload's learners that got at least their first events sent (whole learners are not tracked). */
    private static int backgroundLearnersSent(Workload background, DashboardLatency.Result latency) {
        return (int) background.deliveries().subList(0, latency.backgroundSent()).stream()
                .map(e -> e.learnerId()).distinct().count();
    }

    /** Every pipeline cohort counts exactly the learners generated for it: the work was done, not just timed. */
    private static void checkCohorts(HttpJson http, Workload workload) throws InterruptedException {
        for (DemoCohort cohort : workload.cohorts()) {
            String url = REPORT_URL + "/api/centres/" + cohort.centreId() + "/cohorts/" + cohort.cohortId();
            HttpJson.Answer answer = http.get(url);
            if (!answer.is(200)) {
                throw new IllegalStateException("GET " + url + " answered " + answer.describe());
            }
            int counted = http.parse(answer).path("learners").asInt();
            if (counted != cohort.size()) {
                throw new IllegalStateException(cohort.cohortId() + " counts " + counted + " learners, " + cohort.size() + " were generated");
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\n  because: ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static double since(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double rate(int events, Duration took) {
        return events / seconds(took);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double totalMemoryGiB() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
