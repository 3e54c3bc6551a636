package io.qualtrack.localstack;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Formats the broker's log directory with Kafka's own storage tool, once: a directory that already
 * holds {@code meta.properties} is left alone, so a restart keeps every topic and offset. The
 * cluster id is kept in the data directory and reused.
 */
final class KafkaStorage {

    private final KafkaBrokerSettings settings;

    KafkaStorage(KafkaBrokerSettings settings) {
        this.settings = settings;
    }

    boolean isFormatted() {
        return Files.exists(settings.logDir().resolve("meta.properties"));
    }

    String clusterId() throws IOException {
        if (Files.exists(settings.clusterIdFile())) {
            return Files.readString(settings.clusterIdFile()).strip();
        }
        String clusterId = Uuid.randomUuid().toString();
        Files.writeString(settings.clusterIdFile(), clusterId + "\n");
        return clusterId;
    }

    /** Formats the log directory unless it is formatted already; answers whether it formatted. */
    boolean formatIfNeeded() throws IOException {
        if (isFormatted()) {
            return false;
        }
        String[] args = {"format", "--cluster-id", clusterId(), "--config", settings.propertiesFile().toString(),
                "--ignore-formatted"};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args, out);
        }
        String printed = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IOException("Kafka storage format failed (exit " + exitCode + "): " + printed);
        }
        if (!printed.isEmpty()) {
            System.out.println(printed);
        }
        return true;
    }
}
