package io.qualtrack.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one service process: its runnable jar, its port, its MongoDB database and consumer group
 * (both given so a replay instance can use fresh ones), and extra Spring arguments.
 */
record ServiceSpec(String name, Path jar, String portVariable, int port, String database,
                   Map<String, String> extraEnv, List<String> arguments) {

    /** One more instance of the same service: same jar, database, consumer group and arguments, its own name and port. */
    ServiceSpec anotherInstance(String instanceName, int instancePort) {
        return new ServiceSpec(instanceName, jar, portVariable, instancePort, database, extraEnv, arguments);
    }

    /** The same instance with one more environment variable. */
    ServiceSpec with(String variable, String value) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put(variable, value);
        return new ServiceSpec(name, jar, portVariable, port, database, Map.copyOf(env), arguments);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
