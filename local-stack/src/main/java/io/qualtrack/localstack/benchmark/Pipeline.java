package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.List;

/**
 * The whole write path, timed end to end: every record produced to the activity topic, applied by
 * progress-service (committed on the activity topic, so its progress is stored and its snapshots
 * published), and every snapshot applied by report-service (committed on the progress topic, so the
 * read models are updated).
 */
final class Pipeline {

    static final String PROGRESS_GROUP = "progress-service";
    static final String REPORT_GROUP = "report-service";
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final String bootstrapServers;

    Pipeline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends the records as fast as the producer takes them and returns the time until both services have caught up. */
    Duration run(List<Records.Keyed> records) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer = Records.producer(bootstrapServers);
             ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            long started = System.nanoTime();
            records.forEach(r -> producer.send(new ProducerRecord<>(Topics.ACTIVITY, r.key(), r.value())));
            producer.flush();
            // progress-service commits a batch only after its snapshots are acknowledged by the broker, so once it has
            // committed everything, the progress topic holds every snapshot report-service must apply
            lag.awaitCaughtUp(PROGRESS_GROUP, Topics.ACTIVITY, CATCH_UP);
            lag.awaitCaughtUp(REPORT_GROUP, Topics.PROGRESS, CATCH_UP);
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
