package io.qualtrack.progress.ingest.web;

import io.qualtrack.contract.activity.ActivityRecords;
import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Items of a submission that reuse an {@code eventId} for other content: of an earlier item of the same submission,
 * or of an event already applied. An id names one event; sending it again is a retry, never a correction.
 */
final class ConflictingDuplicates {

    record Conflict(int index, UUID eventId, String problem) {
    }

    private ConflictingDuplicates() {
    }

    /** @param applied the events already applied under the items' ids */
    static List<Conflict> find(List<ActivityReader.Item> items, Map<UUID, LearnerActivityEvent> applied) {
        Map<UUID, ActivityReader.Item> firstWithId = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (ActivityReader.Item item : items) {
            LearnerActivityEvent event = item.event();
            LearnerActivityEvent before = applied.get(event.eventId());
            if (before != null) {
                differing(item, before, "an event applied before").ifPresent(conflicts::add);
                continue;
            }
            ActivityReader.Item earlier = firstWithId.putIfAbsent(event.eventId(), item);
            if (earlier != null) {
                differing(item, earlier.event(), "item " + earlier.index() + " of this request").ifPresent(conflicts::add);
            }
        }
        return conflicts;
    }

    private static java.util.Optional<Conflict> differing(ActivityReader.Item item, LearnerActivityEvent other, String what) {
        List<String> differences = ActivityRecords.differences(other, item.event());
        return differences.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Conflict(item.index(), item.event().eventId(),
                "eventId " + item.event().eventId() + " was already used by " + what + ", with a different " + String.join(", ", differences)));
    }
}
