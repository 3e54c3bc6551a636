package io.qualtrack.progress.deadletters;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.DeadLetterHeaders;
import io.qualtrack.progress.web.InvalidOperationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Listing, inspecting and re-driving dead letters. A re-drive sends the record as received back to the
 * activity topic with its key: each event keeps its {@code eventId}, so one that already applied is a
 * duplicate and re-driving twice changes nothing; one whose cause is not fixed is dead-lettered again.
 * Records that can never apply as they are (not JSON, too large, an unsupported schema) are not re-driven.
 */
@Service
public class DeadLetters {

    static final int MAX_LIMIT = 1000;
    static final String REDRIVEN_FROM = "qualtrack-redriven-from";
    static final Set<RejectionReason> NOT_REDRIVABLE =
            EnumSet.of(RejectionReason.MALFORMED, RejectionReason.OVERSIZED, RejectionReason.UNSUPPORTED_SCHEMA);
    private static final int PREVIEW_CHARS = 300;

    private final DeadLetterTopicReader topic;
    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(DeadLetterTopicReader topic, KafkaTemplate<String, byte[]> kafka) {
        this.topic = topic;
        this.kafka = kafka;
    }

    public record Redriven(List<String> redriven, List<Skipped> skipped) {
    }

    public record Skipped(String id, String why) {
    }

    public List<DeadLetterView> list(@Nullable RejectionReason reason, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidOperationException("limit must be between 1 and " + MAX_LIMIT);
        }
        return topic.read(withReason(reason), limit).stream().map(DeadLetters::view).toList();
    }

    public DeadLetterView get(DeadLetterId id) {
        return topic.find(id).map(DeadLetters::view).orElseThrow(() -> new DeadLetterNotFoundException(id));
    }

    public Redriven redrive(@Nullable RejectionReason reason, List<DeadLetterId> ids) {
        if (reason == null && ids.isEmpty()) {
            throw new InvalidOperationException("say what to re-drive: a reason, a list of ids (partition@offset), or both");
        }
        if (reason != null && NOT_REDRIVABLE.contains(reason)) {
            throw new InvalidOperationException(reason + " records cannot apply as received: fix them at the source and send them again");
        }
        Set<String> wanted = new HashSet<>(ids.stream().map(DeadLetterId::toString).toList());
        Predicate<ConsumerRecord<String, byte[]>> selected = withReason(reason)
                .and(r -> wanted.isEmpty() || wanted.contains(idOf(r)));
        List<String> redriven = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : topic.read(selected, MAX_LIMIT)) {
            RejectionReason recordReason = reasonOf(record);
            if (recordReason == null || NOT_REDRIVABLE.contains(recordReason)) {
                skipped.add(new Skipped(idOf(record), recordReason + " records cannot apply as received"));
                continue;
            }
            var resend = new ProducerRecord<>(Topics.ACTIVITY, record.key(), record.value());
            resend.headers().add(new RecordHeader(REDRIVEN_FROM, idOf(record).getBytes(StandardCharsets.UTF_8)));
            sends.add(kafka.send(resend));
            redriven.add(idOf(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the re-driven records; re-drive again (it is idempotent)", e);
        }
        return new Redriven(redriven, skipped);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> withReason(@Nullable RejectionReason reason) {
        return record -> reason == null || reason == reasonOf(record);
    }

    private static @Nullable RejectionReason reasonOf(ConsumerRecord<String, byte[]> record) {
        String reason = header(record, DeadLetterHeaders.REASON);
        try {
            return reason == null ? null : RejectionReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        return new DeadLetterId(record.partition(), record.offset()).toString();
    }

    private static DeadLetterView view(ConsumerRecord<String, byte[]> record) {
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        String text = new String(payload, StandardCharsets.UTF_8);
        return new DeadLetterView(idOf(record), record.key(), header(record, DeadLetterHeaders.REASON),
                header(record, DeadLetterHeaders.DETAIL), header(record, DeadLetterHeaders.EVENT_ID),
                header(record, DeadLetterHeaders.ORIGIN), header(record, DeadLetterHeaders.AT), payload.length,
                text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text);
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
