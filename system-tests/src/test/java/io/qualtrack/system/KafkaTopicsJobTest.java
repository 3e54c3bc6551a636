package io.qualtrack.system;

import io.qualtrack.contract.Topics;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** The compose job that creates the topics, against the contract's topics and the partitions the services configure. */
class KafkaTopicsJobTest {

    private final OperationsFiles files = OperationsFiles.get();

    @Test
    void theTopicsJobCreatesEveryContractTopicWithTheServicesPartitionsAndACompactedContentTopic() {
        Map<String, Object> job = map(files.composeServices.get("kafka-topics"), "service kafka-topics");
        assertThat(String.valueOf(job.get("image"))).as("kafka-topics runs Kafka's own image").isEqualTo(files.service("kafka").get("image"));
        List<String> problems = new ArrayList<>();
        Compose.expectCondition(problems, "kafka-topics", map(job.get("depends_on"), "kafka-topics: depends_on"), "kafka", "service_healthy");
        String script = String.join("\n", strings(job.get("entrypoint"))) + "\n" + String.join("\n", strings(job.get("command")));
        Map<String, String> creates = new TreeMap<>();
        for (String line : script.split("\n")) {
            Matcher topic = Pattern.compile("--create .*--topic (\\S+)").matcher(line);
            if (topic.find()) {
                creates.put(topic.group(1), line.strip() + " ");
            }
        }
        Set<String> configured = new TreeSet<>();
        for (ServiceConfig config : files.configs.values()) {
            for (String path : List.of("qualtrack.topics.partitions", "qualtrack.progress.topics.partitions")) {
                Object value = YamlAccess.optionalProperty(config.yaml(), path);
                if (value != null) {
                    configured.add(String.valueOf(value));
                }
            }
        }
        assertThat(configured).as("the partitions the services' <service>.yml give their topics (qualtrack.topics.partitions)")
                .hasSize(1);
        int partitions = Integer.parseInt(configured.iterator().next());
        for (String topic : contractTopics()) {
            String line = creates.get(topic);
            if (line == null) {
                problems.add("kafka-topics does not create " + topic);
                continue;
            }
            int expected = topic.equals(Topics.CONTENT) ? 1 : partitions;
            if (!line.contains("--partitions " + expected + " ")) {
                problems.add(topic + ": not created with --partitions " + expected + ": " + line);
            }
            if (!line.contains("--if-not-exists")) {
                problems.add(topic + ": created without --if-not-exists (the job runs on every start)");
            }
            if (topic.equals(Topics.CONTENT) != line.contains("cleanup.policy=compact")) {
                problems.add(topic + ": cleanup.policy=compact belongs to " + Topics.CONTENT + " only: " + line);
            }
        }
        assertThat(problems).as("topics created by the kafka-topics job").isEmpty();
    }

    /** Every topic name {@link Topics} declares. */
    private static List<String> contractTopics() {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }
}
