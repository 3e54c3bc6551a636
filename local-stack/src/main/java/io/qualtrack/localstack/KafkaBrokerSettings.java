package io.qualtrack.localstack;

import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft Kafka: one process that is both broker and controller, with every internal
 * topic at replication factor 1, for development on one machine.
 */
record KafkaBrokerSettings(Path dataDir, String host, int brokerPort, int controllerPort, int partitions) {

    static final int NODE_ID = 1;

    static KafkaBrokerSettings fromArgs(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data/kafka").toAbsolutePath().normalize();
        int brokerPort = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
        return new KafkaBrokerSettings(dataDir, "localhost", brokerPort, controllerPort, 6);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path clusterIdFile() {
        return dataDir.resolve("cluster.id");
    }

    Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    String bootstrapServers() {
        return host + ":" + brokerPort;
    }

    Properties serverProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir().toString());
        p.setProperty("num.partitions", String.valueOf(partitions));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        // one machine, one consumer group member at a time: start consuming without the usual 3 s pause
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // keep a development disk small: a week of activity, 64 MiB segments
        p.setProperty("log.retention.hours", "168");
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }
}
