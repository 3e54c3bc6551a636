package io.qualtrack.faults;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system as separate processes, really stopped: each scenario drives its own cohort of learners
 * through a fault and ends only when progress-service's store, its API and report-service's read model
 * hold exactly what the domain rules give for the scenario's distinct events. The last scenario
 * replays the whole activity topic, every scenario's events, poison and duplicates included, into a
 * fresh consumer group and fresh databases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceScenariosTest {

    private static final boolean FULL = Boolean.getBoolean("faults.full");
    /** About 30 events per learner: a few thousand events per scenario in CI, tens of thousands with -Dfaults.full=true. */
    private static final int LEARNERS = FULL ? 1000 : 70;
    private static final Path OUTPUT = Path.of(System.getProperty("faults.output", "target/faults"));
    private static final List<String> PROGRESS_SETTINGS = List.of(
            // re-send snapshots a crash left unpublished, and retry parked activity, within seconds rather than a minute
            "--qualtrack.progress.parking.sweep-interval=5s",
            "--qualtrack.progress.parking.enrolment-grace=20s");

    /** The replay's progress-service and report-service each read with this many consumer threads (the services' default). */
    private static final int REPLAY_CONSUMER_THREADS = 3;
    private static final ScenarioTable TABLE = new ScenarioTable();
    private static final List<EventSet> EVERY_SET = new ArrayList<>();
    private static FaultStack stack;
    private static TopicCatalogue catalogue;
    private static Convergence primary;

    @BeforeAll
    static void startTheSystem() {
        stack = new FaultStack(StackJars.find(), OUTPUT);
        stack.startAll(PROGRESS_SETTINGS);
        catalogue = TopicCatalogue.read(stack.bootstrapServers(), TopicCatalogue::hasEveryQualificationsUnits);
        primary = new Convergence(stack, FaultStack.PROGRESS, FaultStack.REPORT);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        TABLE.write(OUTPUT.resolve("summary.txt"), "Fault-tolerance scenarios (" + (FULL ? "full counts" : "CI counts") + ", "
                + LEARNERS + " learners per scenario)");
    }

    @Test
    @Order(1)
    void progressServiceKilledMidStreamAndRestarted() {
        stack.scenario("kill-9-progress");
        EventSet set = generate("KILL", 11, LEARNERS);
        Instant restart = midStream(set, () -> {
            stack.kill(FaultStack.PROGRESS);
            stack.startService(FaultStack.PROGRESS);
        });
        convergesExactly("kill -9 progress-service mid-stream, restart", set, set.size(), restart);
    }

    @Test
    @Order(2)
    void everyEventTwiceWithLateEventsMixedIn() {
        stack.scenario("duplicates-and-late");
        EventSet set = generate("DUPL", 12, LEARNERS);
        Random random = new Random(12);
        List<LearnerActivityEvent> order = new ArrayList<>(set.events());
        // a quarter of the activity arrives after activity that happened after it
        List<LearnerActivityEvent> late = order.stream().filter(e -> !(e instanceof LearnerEnrolled) && random.nextInt(4) == 0).toList();
        order.removeAll(late);
        order.addAll(late);
        List<LearnerActivityEvent> again = new ArrayList<>(set.events());
        Collections.shuffle(again, random);
        order.addAll(again);
        Instant sent;
        try (ActivityProducer producer = new ActivityProducer(stack.bootstrapServers())) {
            producer.send(order);
            sent = Instant.now();
        }
        convergesExactly("every event twice, " + late.size() + " late", set, order.size(), sent);
    }

    @Test
    @Order(3)
    void poisonAmongGoodEventsIsDeadLetteredWithItsReason() {
        stack.scenario("poison");
        EventSet set = generate("POIS", 13, LEARNERS);
        List<Poison> poisons = new ArrayList<>();
        Instant sent;
        try (ActivityProducer producer = new ActivityProducer(stack.bootstrapServers())) {
            Poison.Kind[] kinds = Poison.Kind.values();
            for (LearnerActivityEvent event : set.events()) {
                producer.sendRaw(event.learnerId(), ActivityProducer.json(event));
                if (event instanceof EvidenceSubmitted evidence && poisons.size() < set.size() / 40) {
                    Poison poison = Poison.of(kinds[poisons.size() % kinds.length], evidence, poisons.size());
                    producer.sendRaw(poison.key(), poison.payload());
                    poisons.add(poison);
                }
            }
            producer.flush();
            sent = Instant.now();
        }
        Tally tally = convergesExactly("poison among good events (" + poisons.size() + " poison)", set, set.size() + poisons.size(), sent);

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readFromBeginning(stack.bootstrapServers(),
                Topics.ACTIVITY_DEAD_LETTER, Duration.ofMinutes(1), read -> poisons.stream().allMatch(p -> deadLetterOf(p, read) != null));
        assertThat(poisons).extracting(Poison::reason).contains("MALFORMED", "UNSUPPORTED_SCHEMA", "UNKNOWN_CRITERION", "OVERSIZED");
        for (Poison poison : poisons) {
            ConsumerRecord<String, String> letter = deadLetterOf(poison, deadLetters);
            assertThat(header(letter, "qualtrack-dlt-reason")).as("reason of %s", poison.eventId() == null ? "a record without an event id" : poison.eventId()).isEqualTo(poison.reason());
            assertThat(header(letter, "qualtrack-dlt-detail")).isNotBlank();
            assertThat(header(letter, "qualtrack-dlt-origin")).startsWith(Topics.ACTIVITY + "-");
        }
        String listed = Http.get(stack.url(FaultStack.PROGRESS) + "/api/operations/dead-letters?reason=UNKNOWN_CRITERION&limit=1000").body();
        assertThat(poisons).filteredOn(p -> p.reason().equals("UNKNOWN_CRITERION"))
                .allSatisfy(p -> assertThat(listed).as("the operations endpoint lists it").contains(p.eventId()));
        assertThat(tally.clean()).isTrue();
    }

    @Test
    @Order(4)
    void kafkaBrokerRestartedMidStream() {
        stack.scenario("broker-restart");
        EventSet set = generate("BRKR", 14, LEARNERS);
        Instant restart = midStream(set, () -> {
            stack.stop("kafka");
            stack.startKafka();
        });
        convergesExactly("Kafka broker restarted mid-stream", set, set.size(), restart);
    }

    @Test
    @Order(5)
    void mongoStandInRestartedMidStream() {
        stack.scenario("mongo-restart");
        EventSet set = generate("MONG", 15, LEARNERS);
        Instant restart = midStream(set, () -> {
            stack.stop("mongo");
            stack.startMongo();
        });
        convergesExactly("MongoDB stand-in restarted mid-stream", set, set.size(), restart);
    }

    @Test
    @Order(6)
    void unitAuthoredWhileKafkaIsDownIsPublishedWhenItReturns() {
        stack.scenario("content-while-kafka-down");
        stack.stop("kafka");
        String revisedTitle = UnitDrafts.revise(stack.url(FaultStack.CONTENT), catalogue.latest(UnitDrafts.UNIT));
        Instant restart = Instant.now();
        stack.startKafka();
        catalogue = TopicCatalogue.read(stack.bootstrapServers(),
                c -> c.latestVersion(UnitDrafts.UNIT).orElse(0) > 1 && TopicCatalogue.hasEveryQualificationsUnits(c));
        assertThat(catalogue.latest(UnitDrafts.UNIT).title()).isEqualTo(revisedTitle);

        EventSet set = new ActivityGenerator(catalogue).generate("CONT", LEARNERS / 2, 16,
                q -> q.unitCodes().contains(UnitDrafts.UNIT));
        EVERY_SET.add(set);
        assertThat(set.events()).filteredOn(e -> e instanceof EvidenceSubmitted ev && ev.unitCode().equals(UnitDrafts.UNIT))
                .allMatch(e -> ((EvidenceSubmitted) e).unitVersion() == catalogue.latest(UnitDrafts.UNIT).version());
        try (ActivityProducer producer = new ActivityProducer(stack.bootstrapServers())) {
            producer.send(set.events());
        }
        convergesExactly("unit authored while Kafka down, activity on it", set, set.size(), restart);
    }

    @Test
    @Order(7)
    void poisonOnTheProgressTopicIsDeadLetteredByReportServiceAndStopsNoOne() {
        stack.scenario("poison-in-report");
        EventSet set = generate("REPT", 17, LEARNERS);
        List<LearnerEnrolled> enrolments = set.events().stream().filter(e -> e instanceof LearnerEnrolled)
                .map(e -> (LearnerEnrolled) e).toList();
        ProgressPoison.Kind[] kinds = ProgressPoison.Kind.values();
        List<ProgressPoison> poisons = new ArrayList<>();
        Instant sent;
        try (ActivityProducer producer = new ActivityProducer(stack.bootstrapServers())) {
            for (int i = 0; i < Math.min(enrolments.size(), 4 * kinds.length); i++) {
                ProgressPoison poison = ProgressPoison.of(kinds[i % kinds.length], enrolments.get(i));
                producer.sendToProgressTopic(poison.key(), poison.payload());
                poisons.add(poison);
            }
            producer.flush();
            producer.send(set.events());
            sent = Instant.now();
        }
        Tally tally = convergesExactly("poison on the progress topic (" + poisons.size() + " poison, read side)", set,
                set.size() + poisons.size(), sent);

        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readFromBeginning(stack.bootstrapServers(),
                Topics.PROGRESS_REPORT_DEAD_LETTER, Duration.ofMinutes(1),
                read -> poisons.stream().allMatch(p -> reportDeadLetterOf(p, read) != null));
        for (ProgressPoison poison : poisons) {
            ConsumerRecord<String, String> letter = reportDeadLetterOf(poison, deadLetters);
            assertThat(header(letter, "qualtrack-dlt-reason")).as("reason for %s", poison.key()).isEqualTo("MALFORMED");
            assertThat(header(letter, "qualtrack-dlt-origin")).startsWith(Topics.PROGRESS + "-");
        }
        assertThat(tally.clean()).isTrue();
    }

    /**
     * Three progress-service instances and two report-service instances in the primary ones' consumer groups and
     * databases. Once each has handled some of the first half, one extra instance of each is killed, a new
     * progress-service instance starts and the rest is sent while it joins; the last quarter waits until it holds
     * activity partitions, so it gets a share too. The extra progress-service instances run one consumer thread each:
     * with the primary's three that makes five consumers for six partitions, so every instance, the joining one too,
     * is given one (with three threads each, nine consumers for six partitions may leave the newcomer none).
     * The extra instances are stopped at the end, the primary ones carry on alone.
     */
    @Test
    @Order(8)
    void instancesShareThePartitionsWhileOneOfEachIsKilledAndAnotherJoins() {
        stack.scenario("scale-out");
        EventSet set = generate("SCAL", 18, LEARNERS);
        String killedProgress = "progress-service-b";
        String killedReport = "report-service-b";
        String joining = "progress-service-d";
        List<String> progressInstances = List.of(FaultStack.PROGRESS, killedProgress, "progress-service-c");
        List<String> reportInstances = List.of(FaultStack.REPORT, killedReport);
        List<String> extras = List.of(killedProgress, "progress-service-c", joining, killedReport);
        extras.forEach(name -> stack.define(name.startsWith("progress")
                ? stack.service(FaultStack.PROGRESS).anotherInstance(name, FreePorts.next()).with("PROGRESS_CONSUMER_CONCURRENCY", "1")
                : stack.service(FaultStack.REPORT).anotherInstance(name, FreePorts.next())));
        Instant faulted;
        try {
            // the JVM starts are what this scenario costs: the extra instances start side by side
            List<String> starting = List.of(killedProgress, "progress-service-c", killedReport);
            starting.forEach(stack::startService);
            starting.forEach(stack::awaitReady);
            Map<String, Long> before = counts(progressInstances, reportInstances);
            try (ActivityProducer producer = new ActivityProducer(stack.bootstrapServers())) {
                int half = set.size() / 2;
                int threeQuarters = set.size() * 3 / 4;
                producer.send(set.slice(0, half));
                await("every instance busy with the stream").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(counts(progressInstances, reportInstances)).allSatisfy((name, count) ->
                                assertThat(count).as("applied by %s (before the scenario: %d)", name, before.get(name))
                                        .isGreaterThan(before.get(name))));
                System.out.println("[fault-tests] scale-out, applied per instance when the fault comes: "
                        + counts(progressInstances, reportInstances) + ", before the scenario: " + before);
                faulted = Instant.now();
                stack.kill(killedProgress);
                stack.kill(killedReport);
                stack.startService(joining);
                producer.send(set.slice(half, threeQuarters));
                stack.awaitReady(joining);
                // it gets partitions only once the group has given up on the killed instance (its session timeout)
                await("activity partitions assigned to " + joining).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Files.readString(stack.logOf(joining)).contains("partitions assigned: [" + Topics.ACTIVITY + "-"));
                producer.send(set.slice(threeQuarters, set.size()));
            }
            convergesExactly("3 progress + 2 report instances, kill -9 one of each, one joins", set, set.size(), faulted);
            long appliedByJoiner = InstanceCounter.ACTIVITY_APPLIED.at(stack.url(joining));
            System.out.println("[fault-tests] scale-out, activity applied by the instance that joined: " + appliedByJoiner);
            assertThat(appliedByJoiner).as("activity applied by the instance that joined").isPositive();
        } finally {
            stack.stopTogether(extras);
        }
        assertThat(primary.reach(Expected.of(List.of(set), catalogue)).clean()).as("the primary instances alone still agree").isTrue();
    }

    @Test
    @Order(100)
    void activityTopicReplayedIntoFreshGroupAndDatabases() {
        stack.scenario("replay");
        // named, not left to the default, so the row says what ran: several consumer threads, each on its own partitions
        String threads = String.valueOf(REPLAY_CONSUMER_THREADS);
        stack.define(new ServiceSpec("progress-replay", stack.service(FaultStack.PROGRESS).jar(), "PROGRESS_SERVICE_PORT",
                FreePorts.next(), "qualtrack-progress-replay",
                Map.of("PROGRESS_CONSUMER_GROUP", "progress-replay", "PROGRESS_CONSUMER_CONCURRENCY", threads), PROGRESS_SETTINGS));
        stack.define(new ServiceSpec("report-replay", stack.service(FaultStack.REPORT).jar(), "REPORT_SERVICE_PORT",
                FreePorts.next(), "qualtrack-report-replay",
                Map.of("REPORT_CONSUMER_GROUP", "report-replay", "REPORT_CONSUMER_CONCURRENCY", threads), FaultStack.REPORT_SETTINGS));
        Instant start = Instant.now();
        stack.startService("progress-replay");
        stack.startService("report-replay");
        Expected expected = Expected.of(EVERY_SET, catalogue);
        Tally tally = new Convergence(stack, "progress-replay", "report-replay").reach(expected);
        TABLE.add("replay from offset 0, fresh group and databases, " + threads + " consumer threads each", expected.events(), tally,
                Duration.between(start, Instant.now()));
        assertThat(tally.clean()).as("replay: %s", tally).isTrue();
        assertThat(primary.reach(expected).clean()).as("the original services still agree").isTrue();
    }

    /**
     * Sends the first half, waits until progress-service has committed some of it (it is busy with the
     * stream), runs the fault, then sends the rest; answers when the fault began.
     */
    private static Instant midStream(EventSet set, Runnable fault) {
        int half = set.size() / 2;
        long committedBefore = committed();
        try (ActivityProducer producer = new ActivityProducer(stack.bootstrapServers())) {
            producer.send(set.slice(0, half));
            await("progress-service busy with the stream").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> committed() > committedBefore);
            assertThat(committed() - committedBefore).as("the fault comes in the middle of the stream").isLessThan(set.size());
            Instant faulted = Instant.now();
            fault.run();
            producer.send(set.slice(half, set.size()));
            return faulted;
        }
    }

    /** Activity applied by each progress-service instance and snapshots stored by each report-service instance, so far. */
    private static Map<String, Long> counts(List<String> progressInstances, List<String> reportInstances) {
        Map<String, Long> counts = new TreeMap<>();
        progressInstances.forEach(name -> counts.put(name, InstanceCounter.ACTIVITY_APPLIED.at(stack.url(name))));
        reportInstances.forEach(name -> counts.put(name, InstanceCounter.SNAPSHOTS_APPLIED.at(stack.url(name))));
        return counts;
    }

    private static EventSet generate(String cohortId, long seed, int learners) {
        EventSet set = new ActivityGenerator(catalogue).generate(cohortId, learners, seed, q -> true);
        EVERY_SET.add(set);
        return set;
    }

    private static Tally convergesExactly(String scenario, EventSet set, int eventsSent, Instant since) {
        Tally tally = primary.reach(Expected.of(List.of(set), catalogue));
        TABLE.add(scenario, eventsSent, tally, Duration.between(since, Instant.now()));
        assertThat(tally.clean()).as("%s: %s", scenario, tally).isTrue();
        return tally;
    }

    private static long committed() {
        return ConsumerProgress.committedOnActivity(stack.bootstrapServers(), "progress-service");
    }

    private static ConsumerRecord<String, String> deadLetterOf(Poison poison, List<ConsumerRecord<String, String>> read) {
        return read.stream().filter(r -> poison.eventId() == null ? poison.payloadText().equals(r.value())
                : poison.eventId().equals(header(r, "qualtrack-dlt-event-id"))).findFirst().orElse(null);
    }

    private static ConsumerRecord<String, String> reportDeadLetterOf(ProgressPoison poison, List<ConsumerRecord<String, String>> read) {
        return read.stream().filter(r -> poison.payloadText().equals(r.value())).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
