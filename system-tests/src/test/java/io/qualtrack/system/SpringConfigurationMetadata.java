package io.qualtrack.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration properties the jars on the class path document ({@code META-INF/spring-configuration-metadata.json}),
 * to tell which property an environment variable binds to under Spring Boot's relaxed binding: {@code
 * spring.kafka.security.protocol} is {@code SPRING_KAFKA_SECURITY_PROTOCOL} (dots to underscores, dashes dropped), and
 * a key of a map property follows its name ({@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}: key {@code sasl.mechanism}).
 */
final class SpringConfigurationMetadata {

    private static SpringConfigurationMetadata loaded;

    /** By environment variable name, the property and its type. */
    private final Map<String, Map.Entry<String, String>> properties = new TreeMap<>();

    static synchronized SpringConfigurationMetadata get() {
        if (loaded == null) {
            loaded = new SpringConfigurationMetadata();
        }
        return loaded;
    }

    private SpringConfigurationMetadata() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        properties.put(variable(name), Map.entry(name, property.path("type").asString("")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String variable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The property a variable binds to (a map property's key included), or null where it binds to none documented. */
    String property(String variable) {
        Map.Entry<String, String> exact = properties.get(variable);
        if (exact != null) {
            return exact.getKey();
        }
        for (Map.Entry<String, Map.Entry<String, String>> property : properties.entrySet()) {
            if (property.getValue().getValue().startsWith("java.util.Map<") && variable.startsWith(property.getKey() + "_")) {
                String key = variable.substring(property.getKey().length() + 1).toLowerCase(Locale.ROOT).replace('_', '.');
                return property.getValue().getKey() + "." + key;
            }
        }
        return null;
    }
}
