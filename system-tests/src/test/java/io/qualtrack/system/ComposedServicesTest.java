package io.qualtrack.system;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * content-, progress- and report-service as composed and built for Docker, against their own configuration
 * ({@code <service>.yml}): the variables they are given, their ports, connections, heap, and their Dockerfiles.
 */
class ComposedServicesTest {

    /** Environment variables a service may be given although its {@code <service>.yml} does not name them: the JVM's. */
    private static final Pattern JVM_VARIABLE = Pattern.compile("JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS");

    /** Spring Kafka's and the binder's maps of client settings: their keys must be settings a Kafka client knows. */
    private static final Pattern KAFKA_CLIENT_MAP = Pattern.compile("spring\\.(kafka|cloud\\.stream\\.kafka\\.binder)\\.([a-z]+\\.)?(properties|configuration)\\.(.+)");

    private static final Set<String> KAFKA_CLIENT_SETTINGS = Stream.of(ProducerConfig.configNames(), ConsumerConfig.configNames(),
            AdminClientConfig.configNames()).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private final OperationsFiles files = OperationsFiles.get();

    @Test
    void everyServiceGetsOnlyVariablesItsConfigurationReadsAndListensOnItsConfiguredPort() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig config : files.configs.values()) {
            String name = config.name();
            Map<String, Object> service = files.service(name);
            Map<String, String> environment = Compose.environment(service.get("environment"));

            environment.keySet().stream()
                    .filter(variable -> !config.placeholders().containsKey(variable))
                    .filter(variable -> !JVM_VARIABLE.matcher(variable).matches())
                    .filter(variable -> !bindsToASpringProperty(variable))
                    .forEach(variable -> problems.add(name + ": environment " + variable + " is not read by " + name
                            + ".yml nor by " + ServiceConfig.SHARED_DEFAULTS + " (they read " + config.placeholders().keySet()
                            + "), nor is it a property Spring Boot or a library documents"));
            for (String required : List.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", config.portVariable(), "JAVA_TOOL_OPTIONS")) {
                if (!environment.containsKey(required)) {
                    problems.add(name + ": environment lacks " + required);
                }
            }
            String port = environment.get(config.portVariable());
            if (port != null && !port.equals(String.valueOf(config.port()))) {
                problems.add(name + ": " + config.portVariable() + "=" + port + " but " + name + ".yml's default (and"
                        + " Prometheus', the Dockerfile's, the healthcheck's port) is " + config.port());
            }
            List<String> mappings = strings(service.get("ports"));
            if (mappings.stream().noneMatch(mapping -> Compose.containerPort(mapping).equals(String.valueOf(config.port())))) {
                problems.add(name + ": ports " + mappings + " publish no container port " + config.port());
            }
            String health = String.join(" ", Objects.requireNonNullElse(Compose.healthcheckTest(service), List.of()));
            if (!health.contains("localhost:" + config.port() + "/actuator/health/readiness")) {
                problems.add(name + ": healthcheck '" + health + "' does not ask localhost:" + config.port() + "/actuator/health/readiness");
            }
            // the user and password: MongoCredentialsTest
            String mongo = environment.getOrDefault("MONGODB_URI", "").replaceFirst("^mongodb://[^@/]+@", "mongodb://");
            String database = config.placeholders().getOrDefault("MONGODB_URI", "").replaceAll(".*/([^/?]+).*", "$1");
            String replicaSet = files.replicaSetName();
            if (!mongo.startsWith("mongodb://mongodb:27017/" + database + "?") || !mongo.contains("replicaSet=" + replicaSet)) {
                problems.add(name + ": MONGODB_URI " + mongo + " is not mongodb://mongodb:27017/" + database
                        + "?replicaSet=" + replicaSet + " (its own database, the compose replica set)");
            }
            String kafka = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
            if (!files.kafkaAdvertisedListeners().contains(kafka)) {
                problems.add(name + ": KAFKA_BOOTSTRAP_SERVERS " + kafka + " is not one of Kafka's advertised listeners "
                        + files.kafkaAdvertisedListeners());
            }
            Long limit = Compose.memoryLimit(service);
            Long heap = Compose.maxHeap(environment.getOrDefault("JAVA_TOOL_OPTIONS", ""));
            if (heap == null) {
                problems.add(name + ": JAVA_TOOL_OPTIONS sets no -Xmx");
            } else if (limit != null && heap > limit * 3 / 4) {
                problems.add(name + ": heap " + heap / (1 << 20) + " MiB leaves too little of the " + limit / (1 << 20)
                        + " MiB memory limit for metaspace, threads and buffers");
            }
            Map<String, Object> build = map(service.get("build"), name + ": build");
            if (!".".equals(String.valueOf(build.get("context"))) || !(name + "/Dockerfile").equals(String.valueOf(build.get("dockerfile")))) {
                problems.add(name + ": build " + build + " is not context '.' with dockerfile " + name + "/Dockerfile");
            }
        }
        assertThat(problems).as("the services in docker-compose.yml against their <service>.yml").isEmpty();
    }

    /**
     * Spring Boot binds {@code SPRING_…} and {@code LOGGING_…} variables to properties itself (relaxed binding): one that
     * names no documented property, or a Kafka client setting no client knows, would be silently ignored.
     */
    private static boolean bindsToASpringProperty(String variable) {
        String property = SpringConfigurationMetadata.get().property(variable);
        if (property == null) {
            return false;
        }
        Matcher kafkaClientSetting = KAFKA_CLIENT_MAP.matcher(property);
        return !kafkaClientSetting.matches() || KAFKA_CLIENT_SETTINGS.contains(kafkaClientSetting.group(4));
    }

    @Test
    void dockerfilesBuildTheirModuleAndRunItsLayersAsAnUnprivilegedUserOnItsPort() throws IOException {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig config : files.configs.values()) {
            String name = config.name();
            Path dockerfile = files.root.resolve(name).resolve("Dockerfile");
            if (!Files.exists(dockerfile)) {
                problems.add(name + ": no " + files.root.relativize(dockerfile));
                continue;
            }
            String text = Files.readString(dockerfile);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("builds its module with the wrapper", "./mvnw -B -q -pl " + name + " -am -DskipTests package");
            expected.put("extracts the layers of the runnable jar",
                    "java -Djarmode=tools -jar " + name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar extract --layers --launcher");
            expected.put("exposes the configured port", "EXPOSE " + config.port());
            expected.put("runs the launcher", "org.springframework.boot.loader.launch.JarLauncher");
            expected.put("builds on the JDK image", "FROM eclipse-temurin:${TEMURIN_VERSION}-jdk AS build");
            expected.put("runs on the JRE image", "FROM eclipse-temurin:${TEMURIN_VERSION}-jre");
            expected.forEach((what, fragment) -> {
                if (!text.contains(fragment)) {
                    problems.add(name + "/Dockerfile: should contain '" + fragment + "' (" + what + ")");
                }
            });
            List<String> users = text.lines().map(String::strip).filter(line -> line.startsWith("USER ")).toList();
            if (users.isEmpty() || users.getLast().matches("USER (root|0)(:.*)?")) {
                problems.add(name + "/Dockerfile: runs as root");
            }
            for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
                if (!text.contains("/extracted/" + layer + "/")) {
                    problems.add(name + "/Dockerfile: does not copy the " + layer + " layer");
                }
            }
        }
        assertThat(problems).as("the services' Dockerfiles").isEmpty();
    }
}
