package io.qualtrack.localstack.benchmark;

import com.mongodb.client.MongoClient;
import io.qualtrack.contract.Topics;
import io.qualtrack.localstack.HttpJson;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The activity topic replayed from offset 0: a second progress-service (the jar the stack runs) with a consumer group
 * and a database of its own, fresh, on the same broker and MongoDB, timed from the moment its consumers hold every
 * activity partition until its group has committed the records asked for (or all the topic holds, if fewer); then
 * stopped, its database dropped and its group deleted. It is what rebuilding progress-service's store from the topic
 * costs. Its snapshots go to the progress topic, as a replay's do; report-service skips them (their revisions are no
 * newer than those it holds), and the caller waits for it to catch up before measuring anything else.
 */
final class Replay {

    private static final Duration START_WITHIN = Duration.ofMinutes(3);
    private static final Duration REPLAY_WITHIN = Duration.ofMinutes(15);
    private static final Duration STOP_WITHIN = Duration.ofMinutes(1);

    private final String bootstrapServers;
    private final String mongoUri;
    private final String issuer;
    private final HttpJson http;
    private final Path jar;
    private final Path log;

    Replay(String bootstrapServers, String mongoUri, String issuer, HttpJson http, Path jar, Path log) {
        this.bootstrapServers = bootstrapServers;
        this.mongoUri = mongoUri;
        this.issuer = issuer;
        this.http = http;
        this.jar = jar;
        this.log = log;
    }

    /**
     * @param records   committed by the replay's group while it was timed
     * @param onTopic   records the activity topic held
     * @param startedIn from launch until its consumers held every activity partition
     * @param outcomes  the replaying instance's own counters when it got there (it reads on until it is stopped)
     */
    record Result(long records, Duration took, long onTopic, Duration startedIn, ActivityOutcomes outcomes) {
        double rate() {
            return records / (took.toNanos() / 1e9);
        }
    }

    Result run(long wanted) throws IOException, InterruptedException {
        long stamp = System.currentTimeMillis();
        String group = "progress-replay-" + stamp;
        String database = "qualtrack-progress-replay-" + stamp;
        int port = freePort();
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            int partitions = lag.partitions(Topics.ACTIVITY);
            long onTopic = lag.size(Topics.ACTIVITY);
            long target = Math.min(wanted, onTopic);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", jar.toString(), "--spring.mongodb.uri=" + mongoUri + "/" + database)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // the settings progress-service.yml reads from the environment: its port, its consumer group, the broker, the issuer
            builder.environment().put("PROGRESS_SERVICE_PORT", String.valueOf(port));
            builder.environment().put("PROGRESS_CONSUMER_GROUP", group);
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            builder.environment().put("OIDC_ISSUER_URI", issuer);
            long launched = System.nanoTime();
            Process process = builder.start();
            try {
                long deadline = launched + START_WITHIN.toNanos();
                while (assigned(lag, group) < partitions) {
                    alive(process);
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the replaying progress-service's consumers did not hold the " + partitions
                                + " partitions of " + Topics.ACTIVITY + " after waiting " + START_WITHIN.toSeconds() + " s (log: " + log + ")");
                    }
                    Thread.sleep(50);
                }
                long started = System.nanoTime();
                long before = lag.committed(group, Topics.ACTIVITY);
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
                ActivityOutcomes outcomes = ActivityOutcomes.read(http, "http://localhost:" + port);
                return new Result(committed - before, took, onTopic, Duration.ofNanos(started - launched), outcomes);
            } finally {
                stop(process);
                tidy(lag, group, database);
            }
        }
    }

    /** Activity partitions the group's members hold; none while the group does not exist yet. */
    private static int assigned(ConsumerLag lag, String group) {
        try {
            return lag.assigned(group, Topics.ACTIVITY);
        } catch (IllegalStateException e) {
            return 0;
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
