package io.qualtrack.localstack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run-local} as a user starts it, timed from launch until it reports every process ready (its
 * readiness probes, not just open ports), with the resident memory of each process it started.
 */
final class StackProcess implements AutoCloseable {

    private static final Pattern ALL_READY = Pattern.compile("all ready in (\\d+)s");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path repository;
    private final Path dataDir;
    private final Map<String, String> environment;
    private Process process;
    private Path log;
    private int starts;

    StackProcess(Path repository, Path dataDir, Map<String, String> environment) {
        this.repository = repository;
        this.dataDir = dataDir;
        this.environment = environment;
    }

    /** Starts run-local and returns the time until it printed "all ready". */
    Duration start() throws IOException, InterruptedException {
        starts++;
        log = dataDir.getParent().resolve("run-local-" + starts + ".out");
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(repository.resolve("run-local").toString())
                .directory(repository.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("RUN_LOCAL_DATA", dataDir.toString());
        long launched = System.nanoTime();
        process = builder.start();
        long deadline = launched + START_TIMEOUT.toNanos();
        while (!ALL_READY.matcher(output()).find()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("./run-local exited (" + process.exitValue() + ") before it was ready:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("./run-local was not ready within " + START_TIMEOUT.toMinutes() + " min:\n" + tail());
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - launched);
    }

    /** The runnable jar of one of the stack's services, as run-local runs it (its copy in the data directory). */
    Path jar(String service) {
        Path jar = dataDir.resolve("run").resolve(service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": has ./run-local started?");
        }
        return jar;
    }

    Path logDir() {
        return dataDir.getParent();
    }

    /** What run-local itself says it took, in whole seconds. */
    int reportedSeconds() throws IOException {
        Matcher matcher = ALL_READY.matcher(output());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Resident memory now and at its peak, of every process run-local started, by name (Linux /proc). */
    Map<String, Memory> memory() throws IOException {
        Map<String, Memory> memory = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dataDir.resolve("run-local.pids"))) {
            String[] nameAndPid = line.trim().split("\\s+");
            if (nameAndPid.length == 2) {
                memory.put(nameAndPid[0], Memory.of(Long.parseLong(nameAndPid[1])));
            }
        }
        return memory;
    }

    /** Resident set size now and its high-water mark, in MiB; -1 where the process has gone. */
    record Memory(double residentMiB, double peakMiB) {
        static Memory of(long pid) throws IOException {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            if (!Files.exists(status)) {
                return new Memory(-1, -1);
            }
            List<String> lines = Files.readAllLines(status);
            return new Memory(kib(lines, "VmRSS:") / 1024.0, kib(lines, "VmHWM:") / 1024.0);
        }

        private static long kib(List<String> lines, String field) {
            return lines.stream().filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0])).orElse(-1L);
        }
    }

    /** Ctrl-C's equivalent (run-local stops the services, then the identity server, MongoDB, Kafka) and waits for it. */
    Duration stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return Duration.ZERO;
        }
        long stopping = System.nanoTime();
        process.destroy();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./run-local did not stop within 3 minutes of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - stopping);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private String tail() throws IOException {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
