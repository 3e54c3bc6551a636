package io.qualtrack.system;

import io.qualtrack.system.KafkaTopicsJob.Command;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.tools.AclCommand;
import org.apache.kafka.tools.TopicCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's Kafka on this machine: a KRaft broker in this JVM with {@code docker-compose.yml}'s broker
 * settings (listeners with their names, protocols and login modules, the authorizer, super users; on free loopback
 * ports, in a directory of its own), its storage formatted with {@code ops/kafka/start}'s format configuration and
 * arguments, then the {@code kafka-topics} job's commands run through the main classes of {@code kafka-topics.sh},
 * {@code kafka-configs.sh} and {@code kafka-acls.sh} with the job's arguments.
 */
final class ComposedKafkaHere implements AutoCloseable {

    /** Where the services and the job find the broker in compose, and where the job keeps its client configuration. */
    private static final String COMPOSE_INTERNAL = "kafka:9092";
    private static final String JOB_CLIENT_CONFIG = "/tmp/admin.properties";

    private final OperationsFiles files;
    private final ComposedKafkaBroker composed;
    private final Path directory;
    /** By compose listener name, its address here. */
    private final Map<String, String> local = new LinkedHashMap<>();
    private final KafkaRaftServer broker;

    ComposedKafkaHere(OperationsFiles files, Path directory) throws IOException {
        this.files = files;
        this.composed = ComposedKafkaBroker.of(files);
        this.directory = directory;
        Properties properties = new Properties();
        properties.putAll(composed.properties());
        List<String> listeners = new ArrayList<>();
        for (ComposedKafkaBroker.Listener listener : composed.listeners()) {
            local.put(listener.name(), "127.0.0.1:" + freePort());
            listeners.add(listener.name() + "://" + local.get(listener.name()));
        }
        properties.setProperty("listeners", String.join(",", listeners));
        properties.setProperty("advertised.listeners", String.join(",",
                composed.advertised().keySet().stream().map(name -> name + "://" + local.get(name)).toList()));
        String controller = composed.property("controller.listener.names");
        properties.setProperty("controller.quorum.voters", composed.property("node.id") + "@" + local.get(controller));
        properties.setProperty("log.dirs", directory.resolve("kafka").toString());

        format(properties);
        broker = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        broker.startup();
        runTheTopicsJob(new KafkaTopicsJob(files));
    }

    /** The address other containers use ({@code kafka:9092} in compose). */
    String internal() {
        return local.get(composed.listenerAdvertisedAs(COMPOSE_INTERNAL).name());
    }

    /** The address the host uses ({@code localhost:${KAFKA_HOST_PORT}} in compose). */
    String host() {
        return composed.advertised().entrySet().stream().filter(entry -> entry.getValue().startsWith("localhost:"))
                .map(entry -> local.get(entry.getKey())).findFirst()
                .orElseThrow(() -> new AssertionError("no listener advertised to the host"));
    }

    /** What {@code ops/kafka/client-properties user password} prints (a centre's system is given it), at an address. */
    Map<String, Object> signedInAs(String user, String password, String address) {
        Path file = directory.resolve(user + "-" + UUID.randomUUID() + ".properties");
        run(List.of("sh", files.root.resolve("ops/kafka/client-properties").toString(), user, password), file);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> configuration = new HashMap<>();
        properties.forEach((key, value) -> configuration.put(String.valueOf(key), value));
        configuration.put("bootstrap.servers", address);
        return configuration;
    }

    /** A service's Kafka client configurations under the compose environment ({@link ServiceKafkaClients}), pointed here. */
    Map<String, Map<String, Object>> clientsOf(String service) {
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        ServiceKafkaClients.of(service, files.containerEnvironment(service)).forEach((client, configuration) -> {
            Map<String, Object> pointed = new HashMap<>(configuration);
            pointed.put("bootstrap.servers", internal());
            clients.put(client, pointed);
        });
        return clients;
    }

    @Override
    public void close() {
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** The storage formatted as {@code ops/kafka/start} formats it: its format configuration's keys, its arguments. */
    private void format(Properties broker) throws IOException {
        String start = Files.readString(files.root.resolve("ops/kafka/start")).replace("\\\n", " ");
        Matcher heredoc = Pattern.compile("<<PROPERTIES\n(.*?)\nPROPERTIES\n", Pattern.DOTALL).matcher(start);
        assertThat(heredoc.find()).as("ops/kafka/start writes its format configuration in a <<PROPERTIES here-document").isTrue();
        Properties formatConfiguration = new Properties();
        heredoc.group(1).lines().map(line -> line.substring(0, line.indexOf('=')))
                .forEach(key -> formatConfiguration.setProperty(key, broker.getProperty(key)));
        Path formatConfig = directory.resolve("format.properties");
        try (var out = Files.newBufferedWriter(formatConfig)) {
            formatConfiguration.store(out, null);
        }
        Map<String, String> variables = new HashMap<>(files.containerEnvironment("kafka"));
        variables.put("format_config", formatConfig.toString());
        String line = start.lines().map(String::strip).filter(l -> l.startsWith("/opt/kafka/bin/kafka-storage.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("ops/kafka/start runs no kafka-storage.sh"));
        Command format = KafkaTopicsJob.command(line, variables);
        int status = StorageTool.execute(format.arguments().toArray(String[]::new), new PrintStream(System.out, true, StandardCharsets.UTF_8));
        assertThat(status).as("kafka-storage.sh " + format.arguments().getFirst()).isZero();
    }

    private void runTheTopicsJob(KafkaTopicsJob job) {
        Path clientConfig = directory.resolve("admin.properties");
        for (Command command : job.commands) {
            List<String> arguments = command.arguments().stream()
                    .map(argument -> argument.equals(COMPOSE_INTERNAL) ? internal() : argument.equals(JOB_CLIENT_CONFIG) ? clientConfig.toString() : argument)
                    .toList();
            if (command.tool().equals("sh")) {
                assertThat(arguments).as("the job's only shell command writes its client configuration").hasSize(5).contains(">");
                run(List.of("sh", files.root.resolve("ops/kafka/client-properties").toString(), arguments.get(1), arguments.get(2)), clientConfig);
                continue;
            }
            String[] args = arguments.toArray(String[]::new);
            toolRun(command.toolName(), () -> {
                switch (command.toolName()) {
                    case "kafka-topics.sh" -> TopicCommand.main(args);
                    case "kafka-configs.sh" -> kafka.admin.ConfigCommand.main(args);
                    case "kafka-acls.sh" -> AclCommand.main(args);
                    default -> throw new AssertionError("the job runs " + command.tool() + ", which this test does not know");
                }
            });
        }
    }

    /** Runs a tool's main, which calls {@code Exit.exit(status)} when it fails (and {@code exit(0)} at times when it does not). */
    private static void toolRun(String tool, Runnable main) {
        Exit.setExitProcedure((status, message) -> {
            if (status != 0) {
                throw new ToolExit(status, message);
            }
        });
        try {
            main.run();
        } catch (ToolExit exit) {
            assertThat(exit.status).as(tool + " exited with " + exit.status + ": " + exit.getMessage()).isZero();
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static final class ToolExit extends RuntimeException {
        final int status;

        ToolExit(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static void run(List<String> command, Path output) {
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).start();
            assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
