package io.qualtrack.progress.deadletters;

import org.jspecify.annotations.Nullable;

/**
 * Where a consumed record came from, kept on its dead letter; {@code traceParent} is the W3C trace context of the
 * request that produced it, when it carried one.
 */
public record RecordOrigin(String topic, int partition, long offset, @Nullable String traceParent) {
}
