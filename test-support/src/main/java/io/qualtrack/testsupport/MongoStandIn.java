package io.qualtrack.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * One in-memory MongoDB wire-protocol server per test JVM (mongo-java-server), so tests run where no
 * mongod exists. Each caller asks for its own database, which keeps test contexts apart.
 */
public final class MongoStandIn {

    private static MongoServer server;

    private MongoStandIn() {
    }

    public static synchronized String uri(String databasePrefix) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            // no shutdown hook: the Spring contexts close on their own hooks and must still reach MongoDB then
            server.bind("127.0.0.1", 0);
        }
        InetSocketAddress address = server.getLocalAddress();
        String database = databasePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }
}
