package io.qualtrack.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** What a service of {@code docker-compose.yml} declares, in either of the forms Compose accepts. */
final class Compose {

    static final Set<String> DEPENDENCY_CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private Compose() {
    }

    /** {@code environment} as a map or as a list of {@code NAME=value}. */
    static Map<String, String> environment(Object value) {
        Map<String, String> environment = new TreeMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else {
            for (String entry : strings(value)) {
                int equals = entry.indexOf('=');
                environment.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The healthcheck's test, or null where there is none or it is disabled. */
    static List<String> healthcheckTest(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck) || Boolean.TRUE.equals(healthcheck.get("disable"))) {
            return null;
        }
        List<String> test = strings(healthcheck.get("test"));
        return test.isEmpty() || test.getFirst().equals("NONE") ? null : test;
    }

    /** In bytes, from {@code mem_limit} or {@code deploy.resources.limits.memory}; null where there is none. */
    static Long memoryLimit(Map<String, Object> service) {
        Object limit = service.get("mem_limit");
        if (limit == null && service.get("deploy") instanceof Map<?, ?> deploy && deploy.get("resources") instanceof Map<?, ?> resources
                && resources.get("limits") instanceof Map<?, ?> limits) {
            limit = limits.get("memory");
        }
        return limit == null ? null : bytes(String.valueOf(limit));
    }

    /** The {@code -Xmx} of JVM options, in bytes; null where there is none. */
    static Long maxHeap(String options) {
        Matcher xmx = Pattern.compile("-Xmx(\\d+[kKmMgG]?)").matcher(options);
        return xmx.find() ? bytes(xmx.group(1)) : null;
    }

    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)\\s*([kKmMgG])?[bB]?").matcher(size.strip());
        assertThat(m.matches()).as("a size: " + size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    /**
     * A value as Compose passes it to the container: {@code ${NAME}} (or {@code ${NAME:-default}}) replaced from
     * {@code .env}, {@code $$} unescaped to {@code $}.
     */
    static String interpolate(String value, Map<String, String> dotEnv) {
        StringBuilder resolved = new StringBuilder();
        Matcher variable = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}").matcher(value);
        while (variable.find()) {
            String replacement = variable.group().equals("$$") ? "$"
                    : dotEnv.getOrDefault(variable.group(1), variable.group(2));
            assertThat(replacement).as("${" + variable.group(1) + "} has a value in .env").isNotNull();
            variable.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(resolved).toString();
    }

    /** The container side of a port mapping ({@code "${HOST}:8081"}, {@code "8081/tcp"}). */
    static String containerPort(String mapping) {
        String port = mapping.substring(mapping.lastIndexOf(':') + 1);
        return port.contains("/") ? port.substring(0, port.indexOf('/')) : port;
    }

    static void expectCondition(List<String> problems, String service, Map<String, Object> dependsOn, String target, String condition) {
        Object spec = dependsOn.get(target);
        Object actual = spec instanceof Map<?, ?> m ? m.get("condition") : null;
        if (!condition.equals(actual)) {
            problems.add(service + " should depend on " + target + " with condition " + condition + ", not " + actual);
        }
    }
}
