package io.qualtrack.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/** The headers a dead letter carries besides the record as received, on every service's dead-letter topic. */
public final class DeadLetterHeaders {

    public static final String REASON = "qualtrack-dlt-reason";
    public static final String DETAIL = "qualtrack-dlt-detail";
    public static final String EVENT_ID = "qualtrack-dlt-event-id";
    public static final String ORIGIN = "qualtrack-dlt-origin";
    public static final String AT = "qualtrack-dlt-at";

    private DeadLetterHeaders() {
    }

    /** A message as a dead letter's detail: its first line, at most 300 characters; {@code whenNone} if there is none. */
    public static String detail(@Nullable String message, String whenNone) {
        String line = message == null ? whenNone : message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    public static void add(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
