package io.qualtrack.progress.deadletters;

import org.jspecify.annotations.Nullable;

/**
 * One record of the dead-letter topic as operations see it. {@code id} is {@code partition@offset} on
 * the dead-letter topic; {@code origin} is where the record was first read.
 */
public record DeadLetterView(String id, @Nullable String key, @Nullable String reason, @Nullable String detail,
                             @Nullable String eventId, @Nullable String origin, @Nullable String at,
                             int payloadBytes, String payloadPreview) {
}
