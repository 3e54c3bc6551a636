package io.qualtrack.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's {@code <service>.yml} as read from the class path: its port (and the variable that sets it) and every
 * environment variable it reads ({@code ${VARIABLE:default}}), with its default, counting those of the defaults every
 * service shares ({@code qualtrack-service-defaults.yml}, web-support), which its own file overrides.
 */
record ServiceConfig(String name, Map<String, Object> yaml, String portVariable, int port, Map<String, String> placeholders) {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static final String SHARED_DEFAULTS = "qualtrack-service-defaults.yml";

    static ServiceConfig read(String service) {
        String text = resource(service + ".yml");
        Map<String, Object> yaml = YamlAccess.load(text, service + ".yml");
        Map<String, String> placeholders = new TreeMap<>();
        collectPlaceholders(resource(SHARED_DEFAULTS), placeholders);
        collectPlaceholders(text, placeholders);
        Matcher port = ENV_PLACEHOLDER.matcher(String.valueOf(YamlAccess.property(yaml, "server.port")));
        assertThat(port.matches()).as(service + ".yml: server.port is ${VARIABLE:default}").isTrue();
        return new ServiceConfig(service, yaml, port.group(1), Integer.parseInt(port.group(2)), placeholders);
    }

    private static void collectPlaceholders(String text, Map<String, String> placeholders) {
        Matcher placeholder = ENV_PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            placeholders.put(placeholder.group(1), Objects.requireNonNullElse(placeholder.group(2), ""));
        }
    }

    private static String resource(String name) {
        try (InputStream in = ServiceConfig.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
