package io.qualtrack.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Continues the trace a consumed record carries in its W3C {@code traceparent} header, for one piece of work.
 * Batch consumers handle records of many traces at once, so no trace is current while they run; what they do about
 * one record (log it, dead-letter it) they do in that record's trace, and a Kafka send made inside carries it on.
 */
public class RecordTraces {

    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public RecordTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The header's value as a Kafka header mapper hands it over, bytes or text; null when absent. */
    public static @Nullable String headerValue(@Nullable Object header) {
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII)
                : header == null ? null : header.toString();
    }

    /** Runs {@code work} in a span of the trace {@code traceParent} names, or as it is when there is none. */
    public <T> T inTraceOf(@Nullable String traceParent, String spanName, Supplier<T> work) {
        if (traceParent == null || traceParent.isBlank()) {
            return work.get();
        }
        Span span = propagator.extract(traceParent, (carrier, key) -> HEADER.equals(key) ? carrier : null)
                .name(spanName).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
