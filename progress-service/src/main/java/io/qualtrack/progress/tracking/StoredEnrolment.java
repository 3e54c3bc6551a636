package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final Set<UUID> eventIds = new HashSet<>();
    private @Nullable String centreId;

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
        return eventIds.contains(eventId);
    }

    public void add(LearnerActivityEvent event) {
        events.add(event);
        added.add(event);
        remember(event);
    }

    private void remember(LearnerActivityEvent event) {
        eventIds.add(event.eventId());
        if (event instanceof LearnerEnrolled enrolled && centreId == null) {
            centreId = enrolled.centreId();
        }
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

    /** The centre of the first enrolment applied, which all later activity must match. */
    public @Nullable String centreId() {
        return centreId;
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
