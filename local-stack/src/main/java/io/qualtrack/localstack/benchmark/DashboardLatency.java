package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.localstack.HttpJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event → dashboard latency under load: background activity is sent at a fixed rate (half the sustained
 * pipeline rate) while, every {@code probeEvery}, a new learner is enrolled into a probe cohort. A poller asks
 * the probe cohort's summary API over and over; a probe is visible once the summary counts it. Latency is from
 * the moment the probe was handed to the producer to the first summary that counts it (so it includes up to
 * one poll interval). The progress API is polled too, for the oldest probe it has not answered for yet: the
 * part of the way that is progress-service's.
 */
final class DashboardLatency {

    static final String PROBE_CENTRE = "C-PROBE";
    static final String PROBE_COHORT = "K-PROBE";
    private static final String PROBE_QUALIFICATION = "SELM7-CERT";
    private static final Duration POLL = Duration.ofMillis(20);
    /** Less often than the summary: its figure is a breakdown, and polling adds load to the service it measures. */
    private static final Duration PROGRESS_POLL = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final HttpJson http;
    private final String progressUrl;
    private final String reportUrl;

    DashboardLatency(String bootstrapServers, HttpJson http, String progressUrl, String reportUrl) {
        this.bootstrapServers = bootstrapServers;
        this.http = http;
        this.progressUrl = progressUrl;
        this.reportUrl = reportUrl;
    }

    /** {@code applied}: publish → the progress API answers for the probe (progress-service's part of the way). */
    record Result(Percentiles latency, Percentiles applied, double backgroundRate, int backgroundSent, int probes) {
    }

    Result run(List<Records.Keyed> background, double ratePerSecond, Duration duration, Duration probeEvery)
            throws InterruptedException {
        ConcurrentHashMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        List<Long> applied = new ArrayList<>();
        int nextApplied = 1;
        long lastProgressPoll = 0;
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger probesSent = new AtomicInteger();
        int[] backgroundSent = {0};
        try (KafkaProducer<String, byte[]> producer = Records.producer(bootstrapServers)) {
            Thread load = Thread.ofPlatform().name("benchmark-background").start(() -> {
                long started = System.nanoTime();
                int next = 0;
                while (sending.get() && next < background.size()) {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    int due = (int) Math.min(background.size(), elapsed * ratePerSecond);
                    for (; next < due; next++) {
                        Records.Keyed r = background.get(next);
                        producer.send(new ProducerRecord<>(Topics.ACTIVITY, r.key(), r.value()));
                    }
                    sleep(Duration.ofMillis(10));
                }
                backgroundSent[0] = next;
            });
            Thread probes = Thread.ofPlatform().name("benchmark-probes").start(() -> {
                while (sending.get()) {
                    int probe = probesSent.incrementAndGet();
                    Records.Keyed record = Records.activity(enrolment(probe));
                    sentAt.put(probe, System.nanoTime());
                    producer.send(new ProducerRecord<>(Topics.ACTIVITY, record.key(), record.value()));
                    sleep(probeEvery);
                }
            });
            long started = System.nanoTime();
            long stopAt = started + duration.toNanos();
            int seen = 0;
            while (true) {
                long now = System.nanoTime();
                if (now > stopAt) {
                    sending.set(false);
                }
                if (!sending.get() && seen >= probesSent.get()) {
                    break;
                }
                if (now > stopAt + SETTLE.toNanos()) {
                    throw new IllegalStateException("only " + seen + " of " + probesSent.get() + " probe learners showed in "
                            + "the cohort summary " + SETTLE.toSeconds() + " s after the load stopped");
                }
                if (now - lastProgressPoll > PROGRESS_POLL.toNanos()) {
                    lastProgressPoll = now;
                    while (sentAt.containsKey(nextApplied) && isApplied(nextApplied)) {
                        applied.add(System.nanoTime() - sentAt.get(nextApplied));
                        nextApplied++;
                    }
                }
                int counted = countedProbes();
                long visible = System.nanoTime();
                for (int probe = seen + 1; probe <= counted; probe++) {
                    Long sent = sentAt.get(probe);
                    if (sent != null) {
                        latencies.add(visible - sent);
                    }
                }
                seen = Math.max(seen, counted);
                Thread.sleep(POLL.toMillis());
            }
            load.join();
            probes.join();
        }
        return new Result(Percentiles.ofNanos(latencies), Percentiles.ofNanos(applied), ratePerSecond, backgroundSent[0], probesSent.get());
    }

    private boolean isApplied(int probe) throws InterruptedException {
        return http.get(progressUrl + "/api/learners/" + learnerId(probe) + "/progress").is(200);
    }

    private static String learnerId(int probe) {
        return "P-%06d".formatted(probe);
    }

    private int countedProbes() throws InterruptedException {
        HttpJson.Answer answer = http.get(reportUrl + "/api/centres/" + PROBE_CENTRE + "/cohorts/" + PROBE_COHORT);
        if (answer.is(404)) {
            return 0;
        }
        if (!answer.is(200)) {
            throw new IllegalStateException("the probe cohort's summary answered " + answer.describe());
        }
        return http.parse(answer).path("learners").asInt();
    }

    private static LearnerActivityEvent enrolment(int probe) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new LearnerEnrolled(UUID.randomUUID(), Instant.now(), LearnerActivityEvent.SCHEMA_VERSION, learnerId(probe),
                PROBE_CENTRE, PROBE_QUALIFICATION, PROBE_COHORT, today, today.plusMonths(9));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
