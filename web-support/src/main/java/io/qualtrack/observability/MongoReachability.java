package io.qualtrack.observability;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code mongo}: UP when the deployment answers {@code ping}. It replaces Spring Boot's indicator,
 * which asks {@code hello}: real MongoDB answers both, the in-JVM stand-in only {@code ping}.
 */
public class MongoReachability extends AbstractHealthIndicator {

    private final MongoClient client;

    public MongoReachability(MongoClient client) {
        super("MongoDB is not reachable");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.status(answer.get("ok", Number.class).doubleValue() == 1.0 ? "UP" : "DOWN");
    }
}
