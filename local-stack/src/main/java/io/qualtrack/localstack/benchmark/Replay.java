package io.qualtrack.localstack.benchmark;

import com.mongodb.client.MongoClient;
import io.qualtrack.contract.Topics;
import io.qualtrack.localstack.HttpJson;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The activity topic replayed from offset 0: a second progress-service (the jar the stack runs) with a consumer group
 * and a database of its own, fresh, on the same broker and MongoDB, timed from the moment its group is stable with
 * every activity (and content) partition held until it has committed the records asked for (or all the topic holds,
 * if fewer); then stopped, its database dropped and its group deleted. It is what rebuilding progress-service's store
 * from the topic costs. Its snapshots go to the progress topic, as a replay's do; report-service skips them (their
 * revisions are no newer than those it holds), and the caller waits for it to catch up before measuring anything else.
 * <p>
 * Its catalogue replica is built first, untimed: it starts with its activity binding stopped
 * ({@code spring.cloud.stream.bindings.activity-in-0.consumer.auto-startup=false}) until its group has committed the
 * whole content topic, then the benchmark starts that binding through the actuator's {@code bindings} endpoint.
 * Started with both bindings at once on an empty database, it reads activity before its catalogue is in and parks it
 * (5,303 of the first 10,380 records when tried), applying it later: that rate would be parking's, not applying's.
 */
final class Replay {

    private static final String ACTIVITY_BINDING = "activity-in-0";
    private static final Duration CATALOGUE_WITHIN = Duration.ofMinutes(4);
    private static final Duration START_WITHIN = Duration.ofMinutes(2);
    private static final Duration REPLAY_WITHIN = Duration.ofMinutes(15);
    private static final Duration STOP_WITHIN = Duration.ofMinutes(1);

    private final String bootstrapServers;
    private final String mongoUri;
    private final String issuer;
    private final HttpJson http;
    private final HttpJson.Authorization authorization;
    private final Path jar;
    private final Path log;

    Replay(String bootstrapServers, String mongoUri, String issuer, HttpJson http, HttpJson.Authorization authorization, Path jar, Path log) {
        this.bootstrapServers = bootstrapServers;
        this.mongoUri = mongoUri;
        this.issuer = issuer;
        this.http = http;
        this.authorization = authorization;
        this.jar = jar;
        this.log = log;
    }

    /**
     * @param from        records the group had committed when the clock started (the first assignments read some)
     * @param to          records it had committed when it stopped (the asked-for number or more: whole batches)
     * @param onTopic     records the activity topic held
     * @param catalogueIn from launch until its catalogue replica was complete (its group had committed the content topic)
     * @param startedIn   from starting its activity binding until its group was stable with every partition held
     * @param outcomes    the replaying instance's own counters, read after it got there (it reads on until stopped)
     */
    record Result(long from, long to, Duration took, long onTopic, Duration catalogueIn, Duration startedIn, ActivityOutcomes outcomes) {
        long records() {
            return to - from;
        }

        double rate() {
            return records() / (took.toNanos() / 1e9);
        }
    }

    Result run(long wanted) throws IOException, InterruptedException {
        long stamp = System.currentTimeMillis();
        String group = "progress-replay-" + stamp;
        String database = "qualtrack-progress-replay-" + stamp;
        int port = freePort();
        String url = "http://localhost:" + port;
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            int partitions = lag.partitions(Topics.ACTIVITY);
            int contentPartitions = lag.partitions(Topics.CONTENT);
            long onTopic = lag.size(Topics.ACTIVITY);
            long target = Math.min(wanted, onTopic);
            long launched = System.nanoTime();
            Process process = launch(port, group, database);
            try {
                // its catalogue first: the content topic, its activity binding stopped
                long deadline = launched + CATALOGUE_WITHIN.toNanos();
                long left;
                while ((left = lag.lag(group, Topics.CONTENT)) > 0 || !ready(url)) {
                    alive(process);
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the replaying progress-service was not ready with its catalogue (" + left + " records of "
                                + Topics.CONTENT + " not committed) after waiting " + CATALOGUE_WITHIN.toSeconds() + " s (log: " + log + ")");
                    }
                    Thread.sleep(100);
                }
                Duration catalogueIn = Duration.ofNanos(System.nanoTime() - launched);

                long starting = System.nanoTime();
                startActivityBinding(url);
                deadline = starting + START_WITHIN.toNanos();
                while (!holdsAll(lag, group, partitions, contentPartitions)) {
                    alive(process);
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the replaying progress-service's group was not stable with the " + partitions
                                + " partitions of " + Topics.ACTIVITY + " and the " + contentPartitions + " of " + Topics.CONTENT
                                + " held after waiting " + START_WITHIN.toSeconds() + " s (log: " + log + ")");
                    }
                    Thread.sleep(50);
                }
                long started = System.nanoTime();
                long from = lag.committed(group, Topics.ACTIVITY);
                long committed;
                deadline = started + REPLAY_WITHIN.toNanos();
                while ((committed = lag.committed(group, Topics.ACTIVITY)) < target) {
                    alive(process);
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the replay had committed " + committed + " of " + target + " records after waiting "
                                + REPLAY_WITHIN.toMinutes() + " min (log: " + log + ")");
                    }
                    Thread.sleep(50);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                ActivityOutcomes outcomes = ActivityOutcomes.read(http, url);
                return new Result(from, committed, took, onTopic, catalogueIn, Duration.ofNanos(started - starting), outcomes);
            } finally {
                stop(process);
                tidy(lag, group, database);
            }
        }
    }

    /**
     * The stack's progress-service jar with a port, consumer group and database of its own, its activity binding not
     * started, and the actuator's bindings endpoint (operations only, as the rest of the actuator) to start it.
     */
    private Process launch(int port, String group, String database) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--spring.mongodb.uri=" + mongoUri + "/" + database,
                "--spring.cloud.stream.bindings." + ACTIVITY_BINDING + ".consumer.auto-startup=false",
                "--management.endpoints.web.exposure.include=health,info,prometheus,metrics,bindings"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the settings progress-service.yml reads from the environment: its port, its consumer group, the broker, the issuer
        builder.environment().put("PROGRESS_SERVICE_PORT", String.valueOf(port));
        builder.environment().put("PROGRESS_CONSUMER_GROUP", group);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("OIDC_ISSUER_URI", issuer);
        return builder.start();
    }

    private boolean ready(String url) throws InterruptedException {
        HttpJson.Answer answer = http.get(url + "/actuator/health/readiness");
        return answer.is(200) && answer.body().contains("\"UP\"");
    }

    private void startActivityBinding(String url) throws InterruptedException {
        String endpoint = url + "/actuator/bindings/" + ACTIVITY_BINDING;
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", authorization.header())
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"STARTED\"}")).build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + endpoint + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the group is stable with every partition of the activity and the content topic held: both bindings share
     * the group, so the second to join rebalances the first; the clock starts after that.
     */
    private static boolean holdsAll(ConsumerLag lag, String group, int activityPartitions, int contentPartitions) {
        try {
            return lag.assigned(group, Topics.ACTIVITY) == activityPartitions && lag.assigned(group, Topics.CONTENT) == contentPartitions;
        } catch (IllegalStateException e) {
            return false; // no such group yet
        }
    }

    private void alive(Process process) throws IOException {
        if (!process.isAlive()) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("the replaying progress-service exited (" + process.exitValue() + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    private void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the replaying progress-service (pid " + process.pid() + ") did not stop within "
                        + 2 * STOP_WITHIN.toSeconds() + " s of SIGTERM and SIGKILL");
            }
        }
    }

    /** Its database and consumer group go; a failure to delete them only leaves scratch data in a stack that is thrown away. */
    private void tidy(ConsumerLag lag, String group, String database) {
        try (MongoClient client = MongoFloor.client(mongoUri)) {
            client.getDatabase(database).drop();
        } catch (RuntimeException e) {
            System.err.println("could not drop the replay's database " + database + ": " + e.getMessage());
        }
        try {
            ConsumerLag.get(lag.admin().deleteConsumerGroups(List.of(group)).all());
        } catch (RuntimeException e) {
            System.err.println("could not delete the replay's consumer group " + group + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
