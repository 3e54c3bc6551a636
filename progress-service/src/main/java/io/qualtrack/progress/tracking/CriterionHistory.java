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
 * searched for among all events: the n-th event folded into a criterion (counted by {@link CriterionRecord#events}) is
 * listed under its ordinal n. A listing is inserted once and never rewritten. Two events given the same ordinal (a
 * crash or a lost race between instances can do that) leave one unlisted; the store then finds fewer listed than
 * counted and searches instead, so a missing listing costs time, never correctness.
 */
public final class CriterionHistory {

    private CriterionHistory() {
    }

    /** An event's id, listed under its ordinal (from 1) in a criterion's history. */
    public record Listing(CriterionKey key, int ordinal, UUID eventId) {
    }

    /** Every event of each criterion it is about, in occurrence order: for a history listed all at once. */
    static List<Listing> ofAll(Collection<? extends LearnerActivityEvent> events) {
        Map<CriterionKey, Map<UUID, LearnerActivityEvent>> byCriterion = new LinkedHashMap<>();
        events.forEach(event -> CriterionKey.of(event).forEach(key ->
                byCriterion.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(event.eventId(), event)));
        List<Listing> listings = new ArrayList<>();
        byCriterion.forEach((key, distinct) -> {
            List<LearnerActivityEvent> ordered = distinct.values().stream().sorted(Comparator.comparing(Occurrence::of)).toList();
            for (int i = 0; i < ordered.size(); i++) {
                listings.add(new Listing(key, i + 1, ordered.get(i).eventId()));
            }
        });
        return listings;
    }
}
