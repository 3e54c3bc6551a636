package io.qualtrack.faults;

import java.nio.file.Files;
import java.nio.file.Path;

/** The built artifacts the suite runs: the services' runnable jars and the local stack's jar with its lib folder. */
record StackJars(Path localStack, Path content, Path progress, Path report) {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    static StackJars find() {
        Path root = Path.of(System.getProperty("faults.root", "..")).toAbsolutePath().normalize();
        StackJars jars = new StackJars(root.resolve("local-stack/target/local-stack-" + VERSION + ".jar"),
                service(root, "content-service"), service(root, "progress-service"), service(root, "report-service"));
        for (Path jar : new Path[]{jars.localStack, jars.content, jars.progress, jars.report}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw install -DskipTests, "
                        + "or run this module in the reactor: ./mvnw verify)");
            }
        }
        if (!Files.isDirectory(jars.localStack.resolveSibling("lib"))) {
            throw new IllegalStateException("local-stack/target/lib is missing: run ./mvnw -pl local-stack package");
        }
        return jars;
    }

    private static Path service(Path root, String module) {
        return root.resolve(module + "/target/" + module + "-" + VERSION + "-exec.jar");
    }
}
