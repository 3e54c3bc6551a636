package io.qualtrack.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kafka} service's broker configuration as the apache/kafka image writes it into server.properties: every
 * {@code KAFKA_*} variable but the image's own, {@code KAFKA_} dropped, lower-cased, {@code _} to {@code .},
 * {@code ___} to {@code -} and {@code __} to {@code _}.
 */
record ComposedKafkaBroker(Properties properties, List<Listener> listeners) {

    /** Variables the image reads itself instead of writing them into server.properties. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS",
            "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME", "KAFKA_JMX_PORT");

    record Listener(String name, String host, int port, String protocol) {

        /** Bound to a loopback address: reachable only from inside the kafka container. */
        boolean loopbackOnly() {
            return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        }

        boolean sasl() {
            return protocol.startsWith("SASL_");
        }
    }

    static ComposedKafkaBroker of(OperationsFiles files) {
        Properties properties = new Properties();
        files.containerEnvironment("kafka").forEach((variable, value) -> {
            if (variable.startsWith("KAFKA_") && !IMAGE_VARIABLES.contains(variable)) {
                properties.setProperty(propertyName(variable), value);
            }
        });
        Map<String, String> protocols = new TreeMap<>();
        for (String entry : properties.getProperty("listener.security.protocol.map", "").split(",")) {
            String[] nameAndProtocol = entry.strip().split(":");
            protocols.put(nameAndProtocol[0], nameAndProtocol[1]);
        }
        List<Listener> listeners = new ArrayList<>();
        for (String listener : properties.getProperty("listeners", "").split(",")) {
            String[] parts = listener.strip().split("://|:(?=\\d+$)");
            assertThat(parts).as("listener NAME://host:port: " + listener).hasSize(3);
            assertThat(protocols).as("listener.security.protocol.map names " + parts[0]).containsKey(parts[0]);
            listeners.add(new Listener(parts[0], parts[1], Integer.parseInt(parts[2]), protocols.get(parts[0])));
        }
        return new ComposedKafkaBroker(properties, listeners);
    }

    static String propertyName(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("_", ".").replace("...", "-").replace("..", "_");
    }

    String property(String name) {
        return properties.getProperty(name);
    }

    /** The listener on a container port (of a port mapping). */
    Listener listenerOnPort(int port) {
        return listeners.stream().filter(listener -> listener.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no Kafka listener on port " + port + ": " + listeners));
    }

    /** By listener name, the address the broker gives clients that connect to it ({@code advertised.listeners}). */
    Map<String, String> advertised() {
        Map<String, String> advertised = new TreeMap<>();
        for (String listener : properties.getProperty("advertised.listeners", "").split(",")) {
            String[] nameAndAddress = listener.strip().split("://");
            advertised.put(nameAndAddress[0], nameAndAddress[1]);
        }
        return advertised;
    }

    /** The listener a client that bootstraps from this address is sent to. */
    Listener listenerAdvertisedAs(String address) {
        String name = advertised().entrySet().stream().filter(entry -> entry.getValue().equals(address)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError(address + " is not an advertised listener: " + advertised()));
        return listeners.stream().filter(listener -> listener.name().equals(name)).findFirst().orElseThrow();
    }
}
