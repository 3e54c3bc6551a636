package io.qualtrack.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operations run: {@code docker-compose.yml}, {@code .env} and the services' {@code <service>.yml}, read once per
 * JVM from the repository the build runs in. Docker is not needed: nothing here starts a container.
 */
final class OperationsFiles {

    /** The application services: compose service name = Maven module = {@code spring.application.name}. */
    static final List<String> SERVICES = List.of("content-service", "progress-service", "report-service");

    /** A variable in the compose file: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME?error}}. */
    static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?][^}]*)?}");

    private static OperationsFiles read;

    final Path root;
    final String composeText;
    final Map<String, Object> composeServices;
    final Map<String, String> env;
    /** Per service: its {@code <service>.yml} as read from the class path. */
    final Map<String, ServiceConfig> configs = new LinkedHashMap<>();

    static synchronized OperationsFiles get() {
        if (read == null) {
            try {
                read = new OperationsFiles();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    private OperationsFiles() throws IOException {
        root = repositoryRoot();
        composeText = Files.readString(root.resolve("docker-compose.yml"));
        composeServices = map(YamlAccess.load(composeText, "docker-compose.yml").get("services"), "docker-compose.yml: services");
        env = dotEnv(root.resolve(".env"));
        for (String service : SERVICES) {
            configs.put(service, ServiceConfig.read(service));
        }
    }

    /** A YAML file of the repository, as maps and lists. */
    Map<String, Object> yaml(String path, String what) throws IOException {
        return YamlAccess.load(Files.readString(root.resolve(path)), what);
    }

    /** A compose service that must be there. */
    Map<String, Object> service(String name) {
        return map(composeServices.get(name), "docker-compose.yml has the service " + name);
    }

    /** A service's {@code environment} as its container gets it, with the values from {@code .env}. */
    Map<String, String> containerEnvironment(String name) {
        Map<String, String> environment = new TreeMap<>();
        Compose.environment(service(name).get("environment")).forEach((key, value) -> environment.put(key, Compose.interpolate(value, env)));
        return environment;
    }

    String replicaSetName() {
        List<String> command = strings(map(composeServices.get("mongodb"), "service mongodb").get("command"));
        int flag = command.indexOf("--replSet");
        assertThat(flag).as("mongodb runs with --replSet <name>: " + command).isNotNegative();
        return command.get(flag + 1);
    }

    Set<String> kafkaAdvertisedListeners() {
        String listeners = Compose.environment(service("kafka").get("environment")).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        Set<String> addresses = new LinkedHashSet<>();
        for (String listener : listeners.split(",")) {
            addresses.add(listener.replaceFirst("^[A-Za-z_]+://", "").strip());
        }
        return addresses;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml beside mvnw above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as(".env line '" + line + "' is KEY=VALUE").isPositive();
            values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return values;
    }
}
