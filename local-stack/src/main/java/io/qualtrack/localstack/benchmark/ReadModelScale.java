package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.contract.Topics;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.localstack.HttpJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The read side at a given number of learners. It grows report-service's read models the way they always
 * grow, through snapshots on the progress topic: copies of the snapshots progress-service published for the
 * pipeline's learners (real progress, every status and RAG case), each under a new learner in new
 * cohorts of {@link #COHORT_SIZE}. Computing those learners' progress from their activity instead would take
 * the pipeline a quarter of an hour per 100k learners, and is what the pipeline figure measures already.
 * Then it times the cohort summary and the learner list (first page, the default 25) of random cohorts.
 */
final class ReadModelScale {

    static final int COHORT_SIZE = 125;
    static final int COHORTS_PER_CENTRE = 8;
    static final int COHORTS_AT_LEAST = 8;
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    private static final Duration READ_WITHIN = Duration.ofMinutes(5);
    /** Untimed requests first, so the figures are not the JIT's first compilations of the query path. */
    private static final int WARM_UP = 30;

    private final String bootstrapServers;
    private final HttpJson http;
    private final String reportUrl;
    private final List<EnrolmentProgressChanged> templates;
    private final List<String[]> cohorts = new ArrayList<>();
    private int learners;

    ReadModelScale(String bootstrapServers, HttpJson http, String reportUrl, int learnersSoFar) {
        this.bootstrapServers = bootstrapServers;
        this.http = http;
        this.reportUrl = reportUrl;
        this.learners = learnersSoFar;
        this.templates = publishedSnapshots(bootstrapServers);
    }

    record Timings(int learners, Percentiles summary, Percentiles learnerList, Duration grownIn) {
    }

    /**
     * Grows the read models to {@code target} learners, or by {@link #COHORTS_AT_LEAST} cohorts if they hold that many
     * already (the pipeline rounds and the latency run add learners too), so random cohorts have somewhere to be drawn
     * from; the timings name the learners there were.
     */
    Timings at(int target, int requests, Random random) throws InterruptedException {
        Duration grown = growTo(cohorts.isEmpty() ? Math.max(target, learners + COHORTS_AT_LEAST * COHORT_SIZE) : target);
        for (int i = 0; i < WARM_UP; i++) {
            String[] cohort = cohorts.get(random.nextInt(cohorts.size()));
            String base = reportUrl + "/api/centres/" + cohort[0] + "/cohorts/" + cohort[1];
            timed(base);
            timed(base + "/learners");
        }
        List<Long> summary = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String[] cohort = cohorts.get(random.nextInt(cohorts.size()));
            String base = reportUrl + "/api/centres/" + cohort[0] + "/cohorts/" + cohort[1];
            summary.add(timed(base));
            list.add(timed(base + "/learners"));
        }
        return new Timings(learners, Percentiles.ofNanos(summary), Percentiles.ofNanos(list), grown);
    }

    private long timed(String url) throws InterruptedException {
        long started = System.nanoTime();
        HttpJson.Answer answer = http.get(url);
        long took = System.nanoTime() - started;
        if (!answer.is(200)) {
            throw new IllegalStateException("GET " + url + " answered " + answer.describe());
        }
        return took;
    }

    /** Adds learners in new cohorts until the read models hold {@code target}; returns how long report-service took. */
    private Duration growTo(int target) throws InterruptedException {
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = Records.producer(bootstrapServers);
             ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            while (learners < target) {
                int cohortNumber = cohorts.size();
                String centreId = "C-S%04d".formatted(cohortNumber / COHORTS_PER_CENTRE + 1);
                String cohortId = "K-S%05d".formatted(cohortNumber + 1);
                for (int i = 0; i < COHORT_SIZE && learners < target; i++) {
                    learners++;
                    EnrolmentProgressChanged template = templates.get(learners % templates.size());
                    Records.Keyed record = Records.progress(copy(template, "S-%06d".formatted(learners), centreId, cohortId));
                    producer.send(new ProducerRecord<>(Topics.PROGRESS, record.key(), record.value()));
                }
                cohorts.add(new String[]{centreId, cohortId});
            }
            producer.flush();
            lag.awaitCaughtUp(Pipeline.REPORT_GROUP, Topics.PROGRESS, CATCH_UP);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static EnrolmentProgressChanged copy(EnrolmentProgressChanged template, String learnerId, String centreId, String cohortId) {
        EnrolmentProgress p = template.progress();
        EnrolmentProgress progress = new EnrolmentProgress(learnerId, p.qualificationCode(), p.qualificationTitle(), centreId, cohortId,
                p.startDate(), p.plannedEndDate(), p.status(), p.enrolledAt(), p.withdrawnAt(), p.lastActivityAt(), p.summary(), p.units());
        return new EnrolmentProgressChanged(UUID.randomUUID(), Instant.now(), template.schemaVersion(), learnerId,
                p.qualificationCode(), 1, progress);
    }

    /** The newest snapshot of every enrolment on the progress topic so far. */
    private static List<EnrolmentProgressChanged> publishedSnapshots(String bootstrapServers) {
        Map<String, EnrolmentProgressChanged> newest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROGRESS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + newest.size() + " enrolments' snapshots of " + Topics.PROGRESS
                            + " but not to its end after waiting " + READ_WITHIN.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ProgressEvent event = Records.readProgress(record.value());
                    if (event instanceof EnrolmentProgressChanged changed) {
                        newest.merge(Identifiers.key(changed.progress().centreId(), changed.learnerId(), changed.qualificationCode()), changed,
                                (a, b) -> b.revision() > a.revision() ? b : a);
                    }
                }
            }
        }
        if (newest.isEmpty()) {
            throw new IllegalStateException("no progress snapshots on " + Topics.PROGRESS + " to grow the read models from");
        }
        return new ArrayList<>(newest.values());
    }

    int learners() {
        return learners;
    }
}
