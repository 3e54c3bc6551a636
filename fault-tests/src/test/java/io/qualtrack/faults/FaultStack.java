package io.qualtrack.faults;

import io.qualtrack.testsupport.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The whole system as separate processes on ephemeral ports with its own data directories: a KRaft
 * broker and the MongoDB stand-in from local-stack, and the three services from their runnable jars.
 * Anything started is killed on {@link #close()}, and by a shutdown hook if the test JVM dies first.
 */
final class FaultStack implements AutoCloseable {

    static final String CONTENT = "content-service";
    static final String PROGRESS = "progress-service";
    static final String REPORT = "report-service";
    /** The read-side check reads every learner's dashboard as one caller, every half second until it converges. */
    static final List<String> REPORT_SETTINGS = List.of("--qualtrack.rate-limit.reads.capacity=1000000");

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final StackJars jars;
    private final Path dataDir;
    private final Path logRoot;
    private final int kafkaPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final int mongoPort = FreePorts.next();
    private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
    private final Map<String, ChildProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new HashMap<>();
    private final Thread killer = new Thread(this::killAll, "fault-stack-killer");
    private String scenario = "startup";

    /** Everything under {@code outputDir} (data and logs of an earlier run) is deleted first: each run starts empty. */
    FaultStack(StackJars jars, Path outputDir) {
        deleteRecursively(outputDir);
        this.jars = jars;
        this.dataDir = outputDir.resolve("data");
        this.logRoot = outputDir;
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Kafka, the stand-in and the three services, each ready. */
    void startAll(List<String> progressArguments) {
        startKafka();
        startMongo();
        define(new ServiceSpec(CONTENT, jars.content(), "CONTENT_SERVICE_PORT", FreePorts.next(), "qualtrack-content", Map.of(), List.of()));
        define(new ServiceSpec(PROGRESS, jars.progress(), "PROGRESS_SERVICE_PORT", FreePorts.next(), "qualtrack-progress",
                Map.of("PROGRESS_CONSUMER_GROUP", "progress-service"), progressArguments));
        define(new ServiceSpec(REPORT, jars.report(), "REPORT_SERVICE_PORT", FreePorts.next(), "qualtrack-report",
                Map.of("REPORT_CONSUMER_GROUP", "report-service"), REPORT_SETTINGS));
        services.keySet().forEach(this::startService);
        services.keySet().forEach(this::awaitReady);
    }

    /** Later process logs go to target/faults/&lt;scenario&gt;/. */
    void scenario(String name) {
        this.scenario = name;
    }

    void define(ServiceSpec spec) {
        services.put(spec.name(), spec);
    }

    ServiceSpec service(String name) {
        return services.get(name);
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    void startKafka() {
        start("kafka", List.of(java(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", jars.localStack().toString(),
                "io.qualtrack.localstack.KafkaBrokerMain", dataDir.resolve("kafka").toString(),
                String.valueOf(kafkaPort), String.valueOf(controllerPort)), Map.of());
        awaitPort("kafka", kafkaPort);
    }

    void startMongo() {
        start("mongo", List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", jars.localStack().toString(),
                "io.qualtrack.localstack.MongoStandInMain", dataDir.resolve("mongo").toString(), String.valueOf(mongoPort)), Map.of());
        awaitPort("mongo", mongoPort);
    }

    void startService(String name) {
        ServiceSpec spec = services.get(name);
        Map<String, String> env = new HashMap<>(spec.extraEnv());
        env.put("MONGODB_URI", mongoUri(spec.database()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        // the services trust this JVM's issuer, whose tokens the suite's HTTP calls carry
        env.put("OIDC_ISSUER_URI", TestIssuer.shared().uri());
        env.put(spec.portVariable(), String.valueOf(spec.port()));
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", spec.jar().toString()));
        command.addAll(spec.arguments());
        start(name, command, env);
    }

    void awaitReady(String name) {
        ChildProcess process = running.get(name);
        await("readiness of " + name).atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready; its log ends:\n" + process.logTail(40));
            }
            return Http.isReady(url(name));
        });
    }

    boolean isReady(String name) {
        return Http.isReady(url(name));
    }

    /** kill -9. */
    void kill(String name) {
        running.remove(name).kill();
    }

    /** SIGTERM, waiting for a clean exit. */
    void stop(String name) {
        running.remove(name).stop(60);
    }

    /**
     * SIGTERM to each of {@code names} still running, all at once, then waits for every one: stopping several instances
     * costs one shutdown, not one after the other. Names not running are skipped, so a scenario can clean up after a failure.
     */
    void stopTogether(List<String> names) {
        List<ChildProcess> stopping = new ArrayList<>();
        synchronized (this) {
            names.stream().map(running::remove).filter(Objects::nonNull).forEach(stopping::add);
        }
        stopping.stream().map(process -> CompletableFuture.runAsync(() -> process.stop(60))).toList()
                .forEach(CompletableFuture::join);
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private synchronized void killAll() {
        List<String> names = new ArrayList<>(running.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            running.remove(names.get(i)).kill();
        }
    }

    /** The log of the running process {@code name}. */
    synchronized Path logOf(String name) {
        return running.get(name).log();
    }

    private synchronized void start(String name, List<String> command, Map<String, String> env) {
        if (running.containsKey(name)) {
            throw new IllegalStateException(name + " is running already");
        }
        int start = starts.merge(name, 1, Integer::sum);
        String logName = start == 1 ? name : name + "-" + start;
        running.put(name, ChildProcess.start(logName, logRoot.resolve(scenario), command, env));
    }

    private void awaitPort(String name, int port) {
        ChildProcess process = running.get(name);
        await(name + " listening on " + port).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; its log ends:\n" + process.logTail(40));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
