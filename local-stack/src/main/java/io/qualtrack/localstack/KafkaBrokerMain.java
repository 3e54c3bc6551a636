package io.qualtrack.localstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;

/**
 * A single-node KRaft Kafka broker and controller as its own process, for {@code ./run-local}.
 *
 * <pre>java -cp local-stack/target/local-stack-0.1.0-SNAPSHOT.jar io.qualtrack.localstack.KafkaBrokerMain [data-dir] [broker-port] [controller-port]</pre>
 *
 * Defaults: {@code data/kafka}, 9092, 9093. The storage is formatted on the first start only; later
 * starts keep every topic. Stops cleanly on SIGTERM / SIGINT (Kafka's own shutdown hook).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        KafkaBrokerSettings settings = KafkaBrokerSettings.fromArgs(args);
        Files.createDirectories(settings.logDir());
        try (Writer out = Files.newBufferedWriter(settings.propertiesFile())) {
            settings.serverProperties().store(out, "written by " + KafkaBrokerMain.class.getName() + " on every start");
        }
        KafkaStorage storage = new KafkaStorage(settings);
        boolean formatted = storage.formatIfNeeded();
        System.out.println((formatted ? "Formatted new" : "Reusing") + " Kafka storage in " + settings.logDir()
                + " (cluster id " + storage.clusterId() + "); starting broker on " + settings.bootstrapServers());
        // Kafka's own entry point: starts the KRaft server, registers its shutdown hook, blocks until it stops
        kafka.Kafka.main(new String[]{settings.propertiesFile().toString()});
    }
}
