package io.qualtrack.localstack;

import java.nio.file.Path;

/** Where the MongoDB stand-in keeps its data and where it listens. */
record MongoStandInSettings(Path dataDir, String host, int port) {

    static MongoStandInSettings fromArgs(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data/mongo").toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        return new MongoStandInSettings(dataDir, "127.0.0.1", port);
    }

    Path databaseFile() {
        return dataDir.resolve("qualtrack.mv");
    }
}
