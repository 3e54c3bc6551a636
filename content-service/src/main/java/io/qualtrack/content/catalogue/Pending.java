package io.qualtrack.content.catalogue;

import java.time.Instant;
import java.util.UUID;

/** Stored content not yet confirmed as published, with the event id fixed when it was stored. */
public record Pending<T>(T content, UUID eventId, Instant storedAt) {
}
