package io.qualtrack.system;

import io.qualtrack.contract.Topics;
import io.qualtrack.system.KafkaTopicsJob.Acl;
import io.qualtrack.system.KafkaTopicsJob.Command;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.system.OperationsFiles.SERVICES;
import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka in the compose stack requires credentials and authorizes every request: read from {@code docker-compose.yml},
 * {@code .env} and {@code ops/kafka}, without Docker; {@link ComposedKafkaAclsTest} runs a broker so configured.
 */
class KafkaCredentialsTest {

    /** The example centre system; any user named {@code centre-…} is a centre system and held to the same ACLs. */
    static final String CENTRE_SYSTEM = "centre-north-mis";
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final String ADMIN_CLIENT_CONFIG = "/tmp/admin.properties";
    private static final Pattern SCRAM_JAAS = Pattern.compile(
            "org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required username=\"([^\"]+)\" password=\"([^\"]*)\";");

    private final OperationsFiles files = OperationsFiles.get();
    private final ComposedKafkaBroker broker = ComposedKafkaBroker.of(files);
    private final KafkaTopicsJob job = new KafkaTopicsJob(files);

    /**
     * What each principal needs, from the services' code and configuration; the job must grant exactly this. Read and
     * Write imply Describe (metadata, the NewTopic beans finding their topics); the topics job creates every topic.
     */
    static Set<Acl> needs(String principal) {
        String user = "User:" + principal;
        if (isCentreSystem(principal)) {
            // an idempotent producer of activity and nothing else (Write on a topic allows its producer id since Kafka 2.8)
            return Set.of(new Acl(user, "Write", "Topic", Topics.ACTIVITY, "literal"), new Acl(user, "Describe", "Topic", Topics.ACTIVITY, "literal"));
        }
        return switch (principal) {
            // content-out-0 (the outbox publisher)
            case "content-service" -> Set.of(new Acl(user, "Write", "Topic", Topics.CONTENT, "literal"));
            case "progress-service" -> Set.of(
                    // activity-in-0, content-in-0; the operations API reads the dead letters (without a group)
                    new Acl(user, "Read", "Topic", Topics.ACTIVITY, "literal"),
                    new Acl(user, "Read", "Topic", Topics.CONTENT, "literal"),
                    new Acl(user, "Read", "Topic", Topics.ACTIVITY_DEAD_LETTER, "literal"),
                    // the activity API and re-drives, progress snapshots, dead letters
                    new Acl(user, "Write", "Topic", Topics.ACTIVITY, "literal"),
                    new Acl(user, "Write", "Topic", Topics.PROGRESS, "literal"),
                    new Acl(user, "Write", "Topic", Topics.ACTIVITY_DEAD_LETTER, "literal"),
                    // PROGRESS_CONSUMER_GROUP, and the groups of replays beside it
                    new Acl(user, "Read", "Group", "progress-service", "prefixed"));
            case "report-service" -> Set.of(
                    new Acl(user, "Read", "Topic", Topics.PROGRESS, "literal"),
                    new Acl(user, "Read", "Topic", Topics.CONTENT, "literal"),
                    new Acl(user, "Write", "Topic", Topics.PROGRESS_REPORT_DEAD_LETTER, "literal"),
                    new Acl(user, "Read", "Group", "report-service", "prefixed"));
            default -> throw new IllegalArgumentException(principal);
        };
    }

    static boolean isCentreSystem(String principal) {
        return principal.startsWith("centre-");
    }

    @Test
    void everyListenerOtherContainersOrTheHostReachRequiresSaslScram() {
        List<String> problems = new ArrayList<>();
        assertThat(broker.listeners()).as("the broker's listeners").isNotEmpty();
        assertThat(broker.property("sasl.enabled.mechanisms")).as("sasl.enabled.mechanisms").isEqualTo(SCRAM);
        for (ComposedKafkaBroker.Listener listener : broker.listeners()) {
            if (!listener.sasl() && !listener.loopbackOnly()) {
                problems.add(listener + " is reachable from other containers (bound to '" + listener.host() + "') without SASL");
            }
            String jaas = "listener.name." + listener.name().toLowerCase() + "." + SCRAM.toLowerCase() + ".sasl.jaas.config";
            if (listener.sasl() && !String.valueOf(broker.property(jaas)).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")) {
                problems.add(listener + " has no SCRAM login module (" + jaas + " = " + broker.property(jaas) + ")");
            }
        }
        for (String mapping : strings(files.service("kafka").get("ports"))) {
            ComposedKafkaBroker.Listener published = broker.listenerOnPort(Integer.parseInt(Compose.containerPort(mapping)));
            if (!published.sasl()) {
                problems.add("the host reaches " + published + " (ports '" + mapping + "') without SASL");
            }
        }
        broker.advertised().forEach((name, address) -> {
            ComposedKafkaBroker.Listener listener = broker.listenerAdvertisedAs(address);
            if (!listener.sasl() && !listener.loopbackOnly()) {
                problems.add("advertised " + address + " is " + listener + ", without SASL");
            }
        });
        if (!broker.property("controller.quorum.voters").matches("\\d+@127\\.0\\.0\\.1:\\d+")) {
            problems.add("controller.quorum.voters " + broker.property("controller.quorum.voters") + " is not this container's loopback");
        }
        assertThat(problems).as("Kafka's listeners in docker-compose.yml").isEmpty();
    }

    @Test
    void theBrokerAuthorizesEveryRequestAndOnlyTheAdminAndItselfAreSuperUsers() {
        assertThat(broker.property("authorizer.class.name")).as("authorizer.class.name (KRaft's)")
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.property("allow.everyone.if.no.acl.found")).as("allow.everyone.if.no.acl.found").isEqualTo("false");
        // ANONYMOUS is whoever connects without SASL: only the broker itself can, on its loopback listeners (see above)
        assertThat(broker.property("super.users").split(";")).as("super.users").containsExactlyInAnyOrder("User:admin", "User:ANONYMOUS");
        assertThat(broker.listeners().stream().filter(listener -> !listener.sasl()))
                .as("listeners where a connection is User:ANONYMOUS, a super user").allMatch(ComposedKafkaBroker.Listener::loopbackOnly);
        assertThat(broker.property("auto.create.topics.enable")).as("auto.create.topics.enable").isEqualTo("false");
    }

    @Test
    void theTopicsJobSignsInAsAdminAndTheBrokerIsFormattedWithTheAdminsCredential() throws IOException {
        String adminPassword = files.containerEnvironment("kafka").get("ADMIN_PASSWORD");
        assertThat(adminPassword).as("the kafka service's ADMIN_PASSWORD, from .env").isEqualTo(files.env.get("KAFKA_ADMIN_PASSWORD"));
        assertThat(files.containerEnvironment("kafka-topics").get("ADMIN_PASSWORD")).as("the job's ADMIN_PASSWORD").isEqualTo(adminPassword);

        Command clientConfig = job.commands("sh").stream().filter(c -> c.arguments().getFirst().endsWith("/client-properties"))
                .findFirst().orElseThrow(() -> new AssertionError("the job writes no client configuration with ops/kafka/client-properties"));
        assertThat(clientConfig.arguments()).as("the job's client configuration: admin, to " + ADMIN_CLIENT_CONFIG)
                .containsExactly("/etc/qualtrack/kafka/client-properties", "admin", adminPassword, ">", ADMIN_CLIENT_CONFIG);
        List<String> problems = new ArrayList<>();
        for (Command command : job.commands) {
            if (command.toolName().startsWith("kafka-") && (!command.values("--bootstrap-server").equals(List.of("kafka:9092"))
                    || !command.values("--command-config").equals(List.of(ADMIN_CLIENT_CONFIG)))) {
                problems.add("not signed in as admin on kafka:9092: " + command);
            }
        }
        assertThat(problems).as("the kafka-topics job's commands").isEmpty();

        List<String> health = Compose.healthcheckTest(files.service("kafka"));
        assertThat(String.join(" ", health)).as("Kafka's healthcheck signs in as admin on the SASL listener")
                .contains("--bootstrap-server localhost:" + broker.listenerAdvertisedAs("kafka:9092").port())
                .contains("--command-config /opt/kafka/config/admin-client.properties");
        String start = Files.readString(files.root.resolve("ops/kafka/start"));
        assertThat(start).as("ops/kafka/start formats the storage with the admin's credential and writes the healthcheck's client configuration")
                .contains("--add-scram \"SCRAM-SHA-512=[name=admin,password=$ADMIN_PASSWORD]\"")
                .contains("client-properties\" admin \"$ADMIN_PASSWORD\" > /opt/kafka/config/admin-client.properties")
                .contains("exec /etc/kafka/docker/run");
        assertThat(strings(files.service("kafka").get("command"))).as("the kafka service starts with ops/kafka/start")
                .containsExactly("bash", "/etc/qualtrack/kafka/start");
    }

    @Test
    void everyServiceAndTheCentreSystemHaveTheirOwnUserWithAPasswordFromDotEnv() {
        Map<String, String> passwords = job.scramPasswords();
        Set<String> expected = new TreeSet<>(SERVICES);
        expected.add(CENTRE_SYSTEM);
        passwords.keySet().stream().filter(KafkaCredentialsTest::isCentreSystem).forEach(expected::add);
        assertThat(passwords.keySet()).as("users the kafka-topics job gives a SCRAM password").containsExactlyInAnyOrderElementsOf(expected);
        List<String> problems = new ArrayList<>();
        Set<String> distinct = new HashSet<>(passwords.values());
        distinct.add(files.env.get("KAFKA_ADMIN_PASSWORD"));
        if (distinct.size() != passwords.size() + 1) {
            problems.add("two Kafka users share a password: " + passwords.keySet() + " and admin");
        }
        String script = String.join("\n", strings(files.service("kafka-topics").get("command")));
        passwords.forEach((user, password) -> {
            Matcher line = Pattern.compile("--entity-name " + Pattern.quote(user) + " --add-config \"SCRAM-SHA-512=\\[password=\\$\\$([A-Z0-9_]+)]\"").matcher(script);
            String variable = line.find() ? line.group(1) : null;
            String source = variable == null ? null : String.valueOf(Compose.environment(files.service("kafka-topics").get("environment")).get(variable));
            if (source == null || !source.equals("${" + variable + "}") || !files.env.containsKey(variable)) {
                problems.add(user + ": the password is not the job's $" + variable + " from .env's " + variable + " (it is " + source + ")");
            }
        });
        assertThat(problems).as("Kafka users and their passwords").isEmpty();
    }

    @Test
    void everyKafkaClientOfEveryServiceSignsInAsTheServiceWithItsPassword() {
        Map<String, String> passwords = job.scramPasswords();
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, String> environment = files.containerEnvironment(service);
            String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            String protocol = broker.listenerAdvertisedAs(bootstrap).protocol();
            String raw = Compose.environment(files.service(service).get("environment")).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            if (raw == null || !raw.contains("password=\"${")) {
                problems.add(service + ": the Kafka password is not a variable from .env: " + raw);
            }
            ServiceKafkaClients.of(service, environment).forEach((client, configuration) -> {
                String what = service + " " + client + ": ";
                Object servers = configuration.get("bootstrap.servers");
                if (!bootstrap.equals(servers instanceof List<?> list ? String.join(",", strings(list)) : String.valueOf(servers))) {
                    problems.add(what + "bootstrap.servers " + configuration.get("bootstrap.servers") + ", not " + bootstrap);
                }
                if (!protocol.equals(configuration.get("security.protocol"))) {
                    problems.add(what + "security.protocol " + configuration.get("security.protocol") + ", but " + bootstrap + " is " + protocol);
                }
                if (!SCRAM.equals(configuration.get("sasl.mechanism"))) {
                    problems.add(what + "sasl.mechanism " + configuration.get("sasl.mechanism") + ", not " + SCRAM);
                }
                Matcher jaas = SCRAM_JAAS.matcher(String.valueOf(configuration.get("sasl.jaas.config")));
                if (!jaas.matches() || !jaas.group(1).equals(service) || !jaas.group(2).equals(passwords.get(service))) {
                    problems.add(what + "does not sign in as " + service + " with the password the kafka-topics job gives it");
                }
            });
        }
        assertThat(problems).as("the services' Kafka clients under docker-compose.yml's environment").isEmpty();
    }

    @Test
    void everyPrincipalIsGrantedWhatItNeedsAndNothingElse() {
        Map<String, Set<Acl>> granted = new LinkedHashMap<>();
        job.acls().forEach(acl -> granted.computeIfAbsent(acl.principal().substring("User:".length()), user -> new HashSet<>()).add(acl));
        Set<String> principals = new TreeSet<>(SERVICES);
        principals.add(CENTRE_SYSTEM);
        granted.keySet().stream().filter(KafkaCredentialsTest::isCentreSystem).forEach(principals::add);
        assertThat(granted.keySet()).as("principals the kafka-topics job grants ACLs to").containsExactlyInAnyOrderElementsOf(principals);
        principals.forEach(principal -> assertThat(granted.get(principal)).as("the ACLs of User:" + principal)
                .containsExactlyInAnyOrderElementsOf(needs(principal)));
    }

    @Test
    void theServicesBindingsAndConsumerGroupsAreCoveredByTheirAcls() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig config : files.configs.values()) {
            Set<Acl> acls = needs(config.name());
            Map<String, Object> bindings = map(YamlAccess.property(config.yaml(), "spring.cloud.stream.bindings"), "bindings");
            bindings.forEach((name, value) -> {
                Map<String, Object> binding = map(value, name);
                String destination = String.valueOf(binding.get("destination"));
                String operation = name.contains("-in-") ? "Read" : "Write";
                if (acls.stream().noneMatch(acl -> acl.operation().equals(operation) && acl.resource().equals(destination))) {
                    problems.add(config.name() + ": binding " + name + " needs " + operation + " on " + destination);
                }
                if (binding.get("group") != null) {
                    String group = String.valueOf(binding.get("group")).replaceAll("\\$\\{[A-Z_]+:([^}]+)}", "$1");
                    if (acls.stream().noneMatch(acl -> acl.resourceType().equals("Group") && group.startsWith(acl.resource()))) {
                        problems.add(config.name() + ": binding " + name + " consumes as group " + group + ", which no ACL allows");
                    }
                }
            });
            for (String security : List.of("security.protocol", "sasl.")) {
                if (config.yaml().toString().contains(security)) {
                    problems.add(config.name() + ".yml sets " + security + "… itself, which would override the compose environment");
                }
            }
        }
        assertThat(problems).as("bindings and consumer groups against the ACLs").isEmpty();
    }

    @Test
    void centreSystemsMayOnlyProduceActivity() {
        assertThat(job.acls()).as("ACLs of the example centre system").anyMatch(acl -> acl.principal().equals("User:" + CENTRE_SYSTEM));
        List<Acl> centres = job.acls().stream().filter(acl -> isCentreSystem(acl.principal().substring("User:".length()))).toList();
        assertThat(centres).as("the centre systems' ACLs").allSatisfy(acl -> {
            assertThat(acl.resourceType() + ":" + acl.resource()).as(acl.toString()).isEqualTo("Topic:" + Topics.ACTIVITY);
            assertThat(acl.patternType()).as(acl.toString()).isEqualTo("literal");
            assertThat(acl.operation()).as(acl.toString()).isIn("Write", "Describe");
        });
    }
}
