package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An enrolment as the write side keeps it: every distinct event applied so far and the revision the
 * store holds. Events are only ever added; the progress is recomputed from all of them.
 */
public final class StoredEnrolment {

    private final EnrolmentId id;
    private final long revision;
    private final List<LearnerActivityEvent> events;
    private final List<String> storedJson;
    private final List<LearnerActivityEvent> added = new ArrayList<>();
    private final Map<UUID, LearnerActivityEvent> byId = new HashMap<>();
    private boolean enrolled;

    /**
     * @param storedJson the events as the store holds them, kept so a save need not write them out again
     */
    public StoredEnrolment(EnrolmentId id, long revision, List<LearnerActivityEvent> events, List<String> storedJson) {
        this.id = id;
        this.revision = revision;
        this.events = new ArrayList<>(events);
        this.storedJson = List.copyOf(storedJson);
        events.forEach(this::remember);
    }

    public static StoredEnrolment absent(EnrolmentId id) {
        return new StoredEnrolment(id, 0, List.of(), List.of());
    }

    public boolean has(UUID eventId) {
        return byId.containsKey(eventId);
    }

    /** The event applied under {@code eventId}, if one is. */
    public Optional<LearnerActivityEvent> applied(UUID eventId) {
        return Optional.ofNullable(byId.get(eventId));
    }

    public void add(LearnerActivityEvent event) {
        events.add(event);
        added.add(event);
        remember(event);
    }

    private void remember(LearnerActivityEvent event) {
        byId.putIfAbsent(event.eventId(), event);
        enrolled |= event instanceof LearnerEnrolled;
    }

    public EnrolmentId id() {
        return id;
    }

    /** The revision stored now; 0 while nothing is stored. */
    public long revision() {
        return revision;
    }

    public List<LearnerActivityEvent> events() {
        return List.copyOf(events);
    }

    /** Whether an enrolment event has been applied, so activity on it can be. */
    public boolean enrolled() {
        return enrolled;
    }

    public boolean changed() {
        return !added.isEmpty();
    }

    List<String> storedJson() {
        return storedJson;
    }

    List<LearnerActivityEvent> added() {
        return List.copyOf(added);
    }
}
