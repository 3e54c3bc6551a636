package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a criterion's events are listed, so that one reached late is replayed from its own events read by key, never
 * searched for among all events: their ids in chunks of {@link #CHUNK}, the n-th event folded in (counted by
 * {@link CriterionRecord#events}) in chunk {@code (n - 1) / CHUNK}. A chunk is written at most {@code CHUNK} times in
 * order, so no write grows with the history; an event reached late joins the criterion's last chunk.
 */
public final class CriterionHistory {

    public static final int CHUNK = 16;

    private CriterionHistory() {
    }

    /** An event's id, listed in a chunk of a criterion's history. */
    public record Placement(CriterionKey key, int chunk, UUID eventId) {
    }

    /** The chunk of the {@code ordinal}-th event (from 1) folded into a criterion. */
    static int chunkOf(int ordinal) {
        return (ordinal - 1) / CHUNK;
    }

    /** How many chunks list a criterion's {@code events}. */
    public static int chunks(int events) {
        return events <= 0 ? 0 : chunkOf(events) + 1;
    }

    /** Every event of each criterion it is about, listed from the first: for a history listed all at once. */
    static List<Placement> ofAll(Collection<? extends LearnerActivityEvent> events) {
        Map<CriterionKey, Map<UUID, LearnerActivityEvent>> byCriterion = new LinkedHashMap<>();
        events.forEach(event -> CriterionKey.of(event).forEach(key ->
                byCriterion.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(event.eventId(), event)));
        List<Placement> placements = new ArrayList<>();
        byCriterion.forEach((key, distinct) -> {
            List<LearnerActivityEvent> ordered = distinct.values().stream().sorted(Comparator.comparing(Occurrence::of)).toList();
            for (int i = 0; i < ordered.size(); i++) {
                placements.add(new Placement(key, chunkOf(i + 1), ordered.get(i).eventId()));
            }
        });
        return placements;
    }
}
