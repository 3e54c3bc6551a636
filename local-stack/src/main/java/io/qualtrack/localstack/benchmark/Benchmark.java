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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One run, one table: the local stack started as a user starts it ({@code ./run-local}), then on that stack the
 * pipeline (produce → progress → read models) at about 23 and at 200 events an enrolment, each against the
 * physical floor of the same broker and database, the activity topic replayed from offset 0 by a second
 * progress-service, event → dashboard latency at half the sustained rate, the read APIs at two sizes of the read
 * models, and each process's resident memory. Every figure beside its baseline, measured in the same run.
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
    private static final Duration TOPIC_WITHIN = Duration.ofMinutes(1);

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

            // --- the pipeline at two lengths of history, and the floor of the same broker and database, round after round -
            // the services create their topics as they start: every partition led before anything is produced to them
            int partitions;
            try (ConsumerLag lag = new ConsumerLag(KAFKA)) {
                partitions = lag.awaitTopic(Topics.ACTIVITY, TOPIC_WITHIN);
                lag.awaitTopic(Topics.PROGRESS, TOPIC_WITHIN);
            }
            // a round's worth from one centre, both histories, pipeline and floor, untimed: neither history meets the cold JIT
            int warmUpLearners = 0;
            for (Workload warmUp : histories(catalogue, "W", 1, profile, SEED, today)) {
                measure(warmUp, "Warm-up (not reported)", partitions, http, runStarted);
                warmUpLearners += warmUp.learners();
            }
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= profile.rounds(); r++) {
                List<Workload> histories = histories(catalogue, "R" + r, profile.centres(), profile, SEED + r, today);
                // first one, then the other: neither history always meets the smaller stores
                boolean shortFirst = r % 2 == 1;
                String label = "Pipeline, round " + r + " of " + profile.rounds();
                Run first = measure(histories.get(shortFirst ? 0 : 1), label, partitions, http, runStarted);
                Run second = measure(histories.get(shortFirst ? 1 : 0), label, partitions, http, runStarted);
                rounds.add(shortFirst ? new Round(first, second, true) : new Round(second, first, false));
            }
            Run shortMedian = median(rounds.stream().map(Round::shortHistories).toList());
            Run longMedian = median(rounds.stream().map(Round::longHistories).toList());
            double historyRatio = rounds.stream().mapToDouble(Round::historyRatio).sorted().toArray()[rounds.size() / 2];
            double pipelineRate = shortMedian.pipelineRate();

            // --- the activity topic replayed from offset 0 into a fresh group and database -----------------------------
            System.out.printf("[%3.0f s] Replay: %,d records from offset 0 by a second progress-service, fresh group and database …%n",
                    since(runStarted), profile.replayRecords());
            Replay.Result replay = new Replay(KAFKA, MONGO, ISSUER, http, token::authorization, stack.jar("progress-service"),
                    output.resolve("progress-replay.log")).run(profile.replayRecords());
            long settling = System.nanoTime();
            try (ConsumerLag lag = new ConsumerLag(KAFKA)) {
                lag.awaitCaughtUp(Pipeline.REPORT_GROUP, Topics.PROGRESS, Duration.ofMinutes(10));
            }
            Duration reportSettled = Duration.ofNanos(System.nanoTime() - settling);

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
            int learnersSoFar = warmUpLearners
                    + rounds.stream().mapToInt(r -> r.shortHistories().workload().learners() + r.longHistories().workload().learners()).sum()
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
            figures.heading("Pipeline: produce → progress-service → report-service read models, at two lengths of history");
            Workload shortWorkload = rounds.getFirst().shortHistories().workload();
            Workload longWorkload = rounds.getFirst().longHistories().workload();
            figures.line("  short histories, per round: %d centres, %d cohorts, %,d learners on the seed qualifications, %.1f events "
                            + "an enrolment; %,d records (%,d late, %,d duplicates)", profile.centres(), shortWorkload.cohorts().size(),
                    shortWorkload.learners(), shortWorkload.eventsPerEnrolment(), shortWorkload.deliveries().size(), shortWorkload.late(),
                    shortWorkload.duplicates());
            figures.line("  long histories, per round:  %d centres, %d cohorts, %,d learners on the diplomas, %.1f events an enrolment "
                            + "over 12-18 months; %,d records (%,d late, %,d duplicates)", profile.centres(), longWorkload.cohorts().size(),
                    longWorkload.learners(), longWorkload.eventsPerEnrolment(), longWorkload.deliveries().size(), longWorkload.late(),
                    longWorkload.duplicates());
            figures.line("  floor: the same records through the broker alone, then one insert per record of a document its own size");
            for (int r = 0; r < rounds.size(); r++) {
                Round round = rounds.get(r);
                figures.line("  round %d  (%s histories first)", r + 1, round.shortFirst() ? "short" : "long");
                for (Run run : round.shortFirst() ? List.of(round.shortHistories(), round.longHistories())
                        : List.of(round.longHistories(), round.shortHistories())) {
                    figures.line("    %s histories, %.0f events an enrolment%s", run == round.shortHistories() ? "short" : "long",
                            run.workload().eventsPerEnrolment(), run == shortMedian || run == longMedian ? "  (the median: the figure reported)" : "");
                    figures.line("      %-46s %8.1f s  %,10.0f events/s   (%s)", "pipeline (until both services caught up)",
                            seconds(run.pipeline()), run.pipelineRate(), run.outcomes().describe());
                    figures.line("      %-46s %8.1f s  %,10.0f events/s", "floor: Kafka produce + consume, same records",
                            seconds(run.kafkaFloor()), rate(run.records(), run.kafkaFloor()));
                    figures.line("      %-46s %8.1f s  %,10.0f events/s   (avg document %,d bytes, unordered bulks of %d)",
                            "floor: MongoDB inserts, one per event", seconds(run.mongoFloor()), rate(run.records(), run.mongoFloor()),
                            run.documentBytes(), MongoFloor.BULK);
                    figures.line("      %-46s %8.1f s  %,10.0f events/s", "floor: both, one after the other",
                            seconds(run.kafkaFloor().plus(run.mongoFloor())), run.floorRate());
                    figures.line("      %-46s %.2f", "ratio pipeline / floor", run.ratio());
                }
                figures.line("    %-48s %.2f", "ratio long / short histories' pipeline rate", round.historyRatio());
            }
            figures.line("  medians of %d round%s", rounds.size(), rounds.size() == 1 ? "" : "s");
            figures.line("    %-48s %,10.0f events/s   floor %,10.0f events/s   pipeline / floor %.2f",
                    String.format(Locale.ROOT, "pipeline, short histories (%.0f events an enrolment)", shortWorkload.eventsPerEnrolment()),
                    shortMedian.pipelineRate(), shortMedian.floorRate(), shortMedian.ratio());
            figures.line("    %-48s %,10.0f events/s   floor %,10.0f events/s   pipeline / floor %.2f",
                    String.format(Locale.ROOT, "pipeline, long histories (%.0f events an enrolment)", longWorkload.eventsPerEnrolment()),
                    longMedian.pipelineRate(), longMedian.floorRate(), longMedian.ratio());
            figures.line("    %-48s %.2f", "throughput long / short histories", historyRatio);
            figures.line("  replay: the activity topic from offset 0 by a second progress-service, fresh consumer group and database");
            figures.line("    %-48s %8.1f s  %,10.0f events/s   (beside the pipeline's %,.0f and %,.0f)",
                    String.format(Locale.ROOT, "records %,d to %,d of the %,d on the topic", replay.from(), replay.to(), replay.onTopic()),
                    seconds(replay.took()), replay.rate(), shortMedian.pipelineRate(), longMedian.pipelineRate());
            figures.line("    %-48s %8.1f s  (launch until the content topic was committed and it was ready; not in the rate)",
                    "its catalogue replica built in", seconds(replay.catalogueIn()));
            figures.line("    %-48s %8.1f s  (its activity binding started until its group was stable; not in the rate)",
                    "its consumers started in", seconds(replay.startedIn()));
            figures.line("    %-48s rejected %,d, dead-lettered %,d", "its counters", replay.outcomes().rejected(), replay.outcomes().deadLetters());
            figures.line("    %-48s %8.1f s  (report-service skipping the replay's snapshots; not in the rate)",
                    "report-service caught up after it in", seconds(reportSettled));

            figures.heading("Event → dashboard (publish → counted by the cohort summary API)");
            figures.line("  load: %,.0f events/s (half the sustained rate) for %d s, %,d background events, %d probe enrolments",
                    latency.backgroundRate(), profile.halfLoad().toSeconds(), latency.backgroundSent(), latency.probes());
            figures.line("  %-46s %s", "latency", latency.describeLatency());
            figures.line("  %-46s %s", "of which publish → progress API answers", latency.describeApplied());
            figures.line("  %-46s %s", "probes", latency.describeShown());

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
            figures.target("pipeline ≥ 0.5 × floor, short histories", shortMedian.ratio() >= 0.5,
                    String.format(Locale.ROOT, "%.2f (median of %d)", shortMedian.ratio(), rounds.size()));
            figures.target("pipeline ≥ 0.5 × floor, long histories", longMedian.ratio() >= 0.5,
                    String.format(Locale.ROOT, "%.2f (median of %d)", longMedian.ratio(), rounds.size()));
            figures.target(String.format(Locale.ROOT, "throughput at %.0f / at %.0f events ≥ 0.9", longWorkload.eventsPerEnrolment(),
                    shortWorkload.eventsPerEnrolment()), historyRatio >= 0.9, String.format(Locale.ROOT, "%.2f (median of %d)", historyRatio, rounds.size()));
            figures.target("event → dashboard p99 ≤ 1 s at half load",
                    latency.everyProbeShown() && latency.latency() != null && latency.latency().p99() <= 1000,
                    latency.latency() == null ? "no probe shown; " + latency.describeShown()
                            : String.format(Locale.ROOT, "p99 %.0f ms; %s", latency.latency().p99(), latency.describeShown()));
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

    /** One pipeline run and the floor measured right after it on the same records, with what progress-service did with them. */
    private record Run(Workload workload, int records, Duration pipeline, ActivityOutcomes outcomes, Duration kafkaFloor,
                       Duration mongoFloor, long documentBytes) {
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

    /** One round: the short and the long histories, one after the other. */
    private record Round(Run shortHistories, Run longHistories, boolean shortFirst) {
        double historyRatio() {
            return longHistories.pipelineRate() / shortHistories.pipelineRate();
        }
    }

    /** The run with the median ratio to its floor. */
    private static Run median(List<Run> runs) {
        return runs.stream().sorted(Comparator.comparingDouble(Run::ratio)).toList().get(runs.size() / 2);
    }

    /**
     * The short histories (the demo's) and the long ones, with as many learners as make about as many events: centres of
     * {@code <prefix>S…} and {@code <prefix>L…}, learners {@code <prefix>S-…} and {@code <prefix>L-…}.
     */
    private static List<Workload> histories(CatalogueSnapshot catalogue, String prefix, int centres, BenchmarkProfile profile, long seed,
                                            LocalDate today) {
        Workload shortHistories = Workload.generate(catalogue, prefix + "S", centres, profile.cohortsPerCentre(), profile.learnersPerCohort(),
                seed, today);
        int longLearners = Workload.learnersPerCohortMatching(shortHistories, shortHistories.cohorts().size(), profile.longHistoryEvents());
        Workload longHistories = Workload.longHistories(catalogue, prefix + "L", centres, profile.cohortsPerCentre(), longLearners,
                profile.longHistoryEvents(), seed, today);
        return List.of(shortHistories, longHistories);
    }

    /** The pipeline on one workload, checked, then the floor on the same records. */
    private static Run measure(Workload workload, String label, int partitions, HttpJson http, long runStarted) throws InterruptedException {
        List<Records.Keyed> records = workload.records();
        System.out.printf("[%3.0f s] %s: %,d records (%,d learners, %.0f events an enrolment) …%n", since(runStarted), label,
                records.size(), workload.learners(), workload.eventsPerEnrolment());
        ActivityOutcomes before = ActivityOutcomes.read(http, PROGRESS_URL);
        Duration pipeline = new Pipeline(KAFKA).run(records);
        ActivityOutcomes outcomes = ActivityOutcomes.read(http, PROGRESS_URL).since(before);
        checkApplied(workload, outcomes);
        checkCohorts(http, workload);
        System.out.printf("[%3.0f s] Floor: the same records through the broker alone, then inserted one by one through the driver alone …%n",
                since(runStarted));
        Duration kafkaFloor = new KafkaFloor(KAFKA).run(records, partitions);
        MongoFloor mongoFloor = new MongoFloor(MONGO);
        Duration mongo = mongoFloor.run(records);
        return new Run(workload, records.size(), pipeline, outcomes, kafkaFloor, mongo, mongoFloor.averageBytes());
    }

    /** progress-service applied every distinct event of the workload, and rejected none: the work was done, and valid. */
    private static void checkApplied(Workload workload, ActivityOutcomes outcomes) {
        if (outcomes.applied() != workload.events() || outcomes.rejected() != 0 || outcomes.deadLetters() != 0) {
            throw new IllegalStateException("progress-service was sent " + workload.events() + " distinct events (" + workload.deliveries().size()
                    + " records) and counted: " + outcomes.describe() + "; see its log");
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
