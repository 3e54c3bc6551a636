package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * Where an event stands in occurrence order: when it occurred, ties broken by event id. Every rule that depends on
 * order uses this one, so the result depends only on the set of events, never on the order they arrived in.
 */
public record Occurrence(Instant at, UUID eventId) implements Comparable<Occurrence> {

    private static final Comparator<Occurrence> ORDER = Comparator.comparing(Occurrence::at).thenComparing(Occurrence::eventId);

    public static Occurrence of(LearnerActivityEvent event) {
        return new Occurrence(event.occurredAt(), event.eventId());
    }

    @Override
    public int compareTo(Occurrence other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(Occurrence other) {
        return compareTo(other) > 0;
    }
}
