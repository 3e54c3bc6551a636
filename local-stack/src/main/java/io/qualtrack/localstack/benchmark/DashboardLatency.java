package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.localstack.HttpJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event → dashboard latency under load: background activity is sent at a fixed rate (half the sustained
 * pipeline rate) while, every {@code probeEvery}, a new learner is enrolled, each into a cohort of its own.
 * A poller asks the summary API of the oldest probe's cohort not counted yet (then the next, while they
 * answer); a probe is visible once its cohort's summary counts it. Latency is from handing the probe to the
 * producer to the first summary that counts it (so up to one poll late). The progress API is polled the same
 * way, for the part of the way that is progress-service's. Probes still not visible some time after the load
 * stops are reported, not waited for: a pipeline that cannot keep up is a figure too.
 */
final class DashboardLatency {

    static final String PROBE_CENTRE = "C-PROBE";
    private static final String PROBE_QUALIFICATION = "SELM7-CERT";
    private static final Duration POLL = Duration.ofMillis(50);
    static final Duration SETTLE = Duration.ofSeconds(30);
    /** A send blocks for at most the producer's max.block.ms (60 s) */
    private static final Duration THREADS_STOP_WITHIN = Duration.ofSeconds(90);

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

    /**
     * @param latency  publish → counted by the cohort summary API, of the probes that were (null if none was)
     * @param applied  publish → the progress API answers for the probe (progress-service's part of the way)
     * @param notVisible probes the summary did not count {@link #SETTLE} after the load stopped
     */
    record Result(@Nullable Percentiles latency, @Nullable Percentiles applied, double backgroundRate, int backgroundSent,
                  int probes, int notVisible) {

        String describeLatency() {
            return latency == null ? "none of " + probes + " probes visible" : latency.describe();
        }

        String describeApplied() {
            return applied == null ? "none of " + probes + " probes applied" : applied.describe();
        }

        /** Whether the cohort summary counted every probe sent, by {@link #SETTLE} after the load stopped at the latest. */
        boolean everyProbeShown() {
            return probes > 0 && notVisible == 0;
        }

        String describeShown() {
            return everyProbeShown() ? "every probe shown (" + probes + " of " + probes + ")"
                    : "NOT every probe shown: " + notVisible + " of " + probes + " never counted, " + SETTLE.toSeconds() + " s after the load stopped";
        }
    }

    Result run(List<Records.Keyed> background, double ratePerSecond, Duration duration, Duration probeEvery)
            throws InterruptedException {
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger probesSent = new AtomicInteger();
        int[] backgroundSent = {0};
        Probes visible = new Probes(sentAt, probe -> {
            HttpJson.Answer summary = http.get(summaryUrl(probe));
            return summary.is(200) && http.parse(summary).path("learners").asInt() >= 1;
        });
        Probes applied = new Probes(sentAt, probe -> http.get(progressUrl + "/api/learners/" + learnerId(probe) + "/progress").is(200));
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
                    int probe = probesSent.get() + 1;
                    Records.Keyed record = Records.activity(enrolment(probe));
                    sentAt.put(probe, System.nanoTime());
                    probesSent.set(probe);
                    producer.send(new ProducerRecord<>(Topics.ACTIVITY, record.key(), record.value()));
                    sleep(probeEvery);
                }
            });
            long stopAt = System.nanoTime() + duration.toNanos();
            while (true) {
                long now = System.nanoTime();
                if (now > stopAt) {
                    sending.set(false);
                }
                boolean allSeen = visible.next() > probesSent.get() && applied.next() > probesSent.get();
                if (!sending.get() && (allSeen || now > stopAt + SETTLE.toNanos())) {
                    break;
                }
                applied.poll();
                visible.poll();
                Thread.sleep(POLL.toMillis());
            }
            for (Thread thread : List.of(load, probes)) {
                if (!thread.join(THREADS_STOP_WITHIN)) {
                    throw new IllegalStateException(thread.getName() + " had not stopped sending " + THREADS_STOP_WITHIN.toSeconds()
                            + " s after the load stopped");
                }
            }
        }
        return new Result(visible.percentiles(), applied.percentiles(), ratePerSecond, backgroundSent[0], probesSent.get(),
                probesSent.get() - (visible.next() - 1));
    }

    /** Probes in the order they were sent, each seen once a check says so; the oldest not seen yet is checked first. */
    private static final class Probes {
        interface Check {
            boolean seen(int probe) throws InterruptedException;
        }

        private final Map<Integer, Long> sentAt;
        private final Check check;
        private final List<Long> latencies = new ArrayList<>();
        private int next = 1;

        Probes(Map<Integer, Long> sentAt, Check check) {
            this.sentAt = sentAt;
            this.check = check;
        }

        void poll() throws InterruptedException {
            while (sentAt.containsKey(next) && check.seen(next)) {
                latencies.add(System.nanoTime() - sentAt.get(next));
                next++;
            }
        }

        int next() {
            return next;
        }

        @Nullable Percentiles percentiles() {
            return latencies.isEmpty() ? null : Percentiles.ofNanos(latencies);
        }
    }

    private String summaryUrl(int probe) {
        return reportUrl + "/api/centres/" + PROBE_CENTRE + "/cohorts/" + cohortId(probe);
    }

    private static String learnerId(int probe) {
        return "P-%06d".formatted(probe);
    }

    private static String cohortId(int probe) {
        return "K-PROBE-%06d".formatted(probe);
    }

    private static LearnerActivityEvent enrolment(int probe) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new LearnerEnrolled(UUID.randomUUID(), Instant.now(), LearnerActivityEvent.SCHEMA_VERSION, learnerId(probe),
                PROBE_CENTRE, PROBE_QUALIFICATION, cohortId(probe), today, today.plusMonths(9));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
