package io.qualtrack.spike.streams;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The floor, as the benchmark defines it, on the same broker and server: (1) the records produced to a scratch topic
 * (6 partitions, the benchmark's producer settings) while one consumer reads them back, timed until the last is read;
 * then (2) one insert per record of an event-sized document (the event's JSON as a document), unordered bulks of 500.
 * The floor is the two times added.
 */
final class Floor {

    static final int BULK = 500;

    record Result(Duration kafka, Duration mongo) {
        Duration total() {
            return kafka.plus(mongo);
        }
    }

    static Result run(Broker broker, MongoDatabase db, List<SpikeWorkload.Keyed> records, String suffix) throws Exception {
        String topic = "qualtrack.spike.floor." + suffix;
        broker.create(topic);
        Duration kafka;
        try {
            kafka = produceAndConsume(broker, topic, records);
        } finally {
            broker.deleteTopics(topic::equals);
        }
        List<Document> docs = new ArrayList<>(records.size());
        for (SpikeWorkload.Keyed r : records) {
            docs.add(Document.parse(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        MongoCollection<Document> floor = db.getCollection("floor_" + suffix);
        floor.drop();
        long started = System.nanoTime();
        for (int from = 0; from < docs.size(); from += BULK) {
            floor.insertMany(docs.subList(from, Math.min(docs.size(), from + BULK)), new InsertManyOptions().ordered(false));
        }
        Duration mongo = Duration.ofNanos(System.nanoTime() - started);
        if (floor.countDocuments() != records.size()) {
            throw new IllegalStateException("the floor stored " + floor.countDocuments() + " of " + records.size());
        }
        floor.drop();
        return new Result(kafka, mongo);
    }

    private static Duration produceAndConsume(Broker broker, String topic, List<SpikeWorkload.Keyed> records) throws Exception {
        List<TopicPartition> assignment = new ArrayList<>();
        for (int p = 0; p < Broker.PARTITIONS; p++) {
            assignment.add(new TopicPartition(topic, p));
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = broker.producerFor(topic)) {
            consumer.assign(assignment);
            consumer.seekToBeginning(assignment);
            consumer.poll(Duration.ZERO);
            long started = System.nanoTime();
            CompletableFuture<Void> sent = Broker.sendAll(producer, topic, records);
            long read = 0;
            long deadline = started + Duration.ofMinutes(5).toNanos();
            while (read < records.size()) {
                read += consumer.poll(Duration.ofMillis(100)).count();
                if (sent.isCompletedExceptionally() || System.nanoTime() > deadline) {
                    sent.get(1, TimeUnit.SECONDS);
                    throw new IllegalStateException("floor: read " + read + " of " + records.size());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            sent.get(1, TimeUnit.MINUTES);
            return took;
        }
    }
}
