package io.qualtrack.kafka;

/** The headers a dead letter carries besides the record as received, on every service's dead-letter topic. */
public final class DeadLetterHeaders {

    public static final String REASON = "qualtrack-dlt-reason";
    public static final String DETAIL = "qualtrack-dlt-detail";
    public static final String EVENT_ID = "qualtrack-dlt-event-id";
    public static final String ORIGIN = "qualtrack-dlt-origin";
    public static final String AT = "qualtrack-dlt-at";

    private DeadLetterHeaders() {
    }
}
