package io.qualtrack.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;

/**
 * The commands the {@code kafka-topics} job runs, as its shell runs them: the variables its script assigns and its
 * container environment expanded, words split where the shell splits them. Enough shell for this one script.
 */
final class KafkaTopicsJob {

    /** One command of the script: {@code tool} is its first word, e.g. {@code /opt/kafka/bin/kafka-acls.sh}. */
    record Command(String tool, List<String> arguments) {

        String toolName() {
            return tool.substring(tool.lastIndexOf('/') + 1);
        }

        /** The values of every occurrence of an option ({@code --topic a --topic b}). */
        List<String> values(String option) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < arguments.size() - 1; i++) {
                if (arguments.get(i).equals(option)) {
                    values.add(arguments.get(i + 1));
                }
            }
            return values;
        }
    }

    /** A single ACL the job grants: {@code kafka-acls.sh --add} lines, one per operation and resource. */
    record Acl(String principal, String operation, String resourceType, String resource, String patternType) {

        @Override
        public String toString() {
            return principal + " " + operation + " " + resourceType + ":" + resource + ("literal".equals(patternType) ? "" : " (" + patternType + ")");
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("([a-z_][a-z0-9_]*)=\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    final List<String> scriptLines;
    final List<Command> commands = new ArrayList<>();

    KafkaTopicsJob(OperationsFiles files) {
        Map<String, Object> job = map(files.composeServices.get("kafka-topics"), "service kafka-topics");
        String script = Compose.interpolate(String.join("\n", strings(job.get("command"))), files.env);
        scriptLines = script.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Map<String, String> variables = new HashMap<>(files.containerEnvironment("kafka-topics"));
        for (String line : scriptLines) {
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.matches()) {
                variables.put(assignment.group(1), expand(assignment.group(2), variables));
            } else if (!line.startsWith("set ") && !line.startsWith("#")) {
                commands.add(command(line, variables));
            }
        }
    }

    /** The commands that run one of Kafka's tools ({@code kafka-acls.sh}, …), in order. */
    List<Command> commands(String toolName) {
        return commands.stream().filter(command -> command.toolName().equals(toolName)).toList();
    }

    /** Every ACL the {@code kafka-acls.sh --add} commands grant. */
    Set<Acl> acls() {
        Set<Acl> acls = new LinkedHashSet<>();
        for (Command command : commands("kafka-acls.sh")) {
            if (!command.arguments().contains("--add")) {
                continue;
            }
            String patternType = command.values("--resource-pattern-type").stream().findFirst().orElse("literal");
            for (String principal : command.values("--allow-principal")) {
                for (String operation : command.values("--operation")) {
                    command.values("--topic").forEach(topic -> acls.add(new Acl(principal, operation, "Topic", topic, patternType)));
                    command.values("--group").forEach(group -> acls.add(new Acl(principal, operation, "Group", group, patternType)));
                    command.values("--transactional-id").forEach(id -> acls.add(new Acl(principal, operation, "TransactionalId", id, patternType)));
                    if (command.arguments().contains("--cluster")) {
                        acls.add(new Acl(principal, operation, "Cluster", "kafka-cluster", patternType));
                    }
                }
            }
        }
        return acls;
    }

    /** Per user, the SCRAM-SHA-512 password {@code kafka-configs.sh --alter --add-config} gives it. */
    Map<String, String> scramPasswords() {
        Map<String, String> passwords = new HashMap<>();
        for (Command command : commands("kafka-configs.sh")) {
            List<String> users = command.values("--entity-name");
            for (String config : command.values("--add-config")) {
                Matcher scram = Pattern.compile("SCRAM-SHA-512=\\[(?:iterations=\\d+,)?password=([^]]*)]").matcher(config);
                if (scram.matches() && command.values("--entity-type").equals(List.of("users")) && users.size() == 1) {
                    passwords.put(users.getFirst(), scram.group(1));
                }
            }
        }
        return passwords;
    }

    /** A line of shell as its shell runs it: variables expanded, unquoted words split. */
    static Command command(String line, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(line);
        while (word.find()) {
            if (word.group(1) != null) {
                words.add(expand(word.group(1), variables));
            } else {
                for (String split : expand(word.group(2), variables).split("\\s+")) {
                    if (!split.isEmpty()) {
                        words.add(split);
                    }
                }
            }
        }
        return new Command(words.getFirst(), List.copyOf(words.subList(1, words.size())));
    }

    private static String expand(String text, Map<String, String> variables) {
        StringBuilder expanded = new StringBuilder();
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            String value = variables.get(variable.group(1));
            if (value == null) {
                throw new AssertionError("the kafka-topics job uses $" + variable.group(1) + ", which neither its script nor its environment sets");
            }
            variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(expanded).toString();
    }
}
