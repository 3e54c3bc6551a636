package io.qualtrack.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that keeps its data in an H2 file, for
 * {@code ./run-local} where no mongod exists.
 *
 * <pre>java -cp local-stack/target/local-stack-0.1.0-SNAPSHOT.jar io.qualtrack.localstack.MongoStandInMain [data-dir] [port]</pre>
 *
 * Defaults: {@code data/mongo}, 27017, bound to 127.0.0.1. On SIGTERM / SIGINT it stops listening and
 * closes the H2 file properly, so the next start finds every document and index.
 */
public final class MongoStandInMain {

    private MongoStandInMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        MongoStandInSettings settings = MongoStandInSettings.fromArgs(args);
        Files.createDirectories(settings.dataDir());
        H2Backend backend = new H2Backend(settings.databaseFile().toString());
        MongoServer server = new MongoServer(backend);
        server.bind(settings.host(), settings.port());
        System.out.println("MongoDB stand-in listening on " + settings.host() + ":" + settings.port()
                + ", data in " + settings.databaseFile());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MongoDB stand-in stopping: closing connections and " + settings.databaseFile());
            server.shutdown(); // closes the backend, which commits and closes the H2 store
            System.out.println("MongoDB stand-in stopped");
            stopped.countDown();
        }, "mongo-stand-in-stop"));
        stopped.await();
    }
}
