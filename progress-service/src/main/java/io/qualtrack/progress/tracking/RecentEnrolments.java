package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enrolments this instance wrote last, as it wrote them. A learner's activity arrives on one
 * partition, so the instance that owns it usually wrote the enrolment itself and need not read it back.
 */
final class RecentEnrolments {

    record Known(EnrolmentId id, long revision, List<LearnerActivityEvent> events, List<String> eventJson) {

        Known {
            events = List.copyOf(events);
            eventJson = List.copyOf(eventJson);
        }

        StoredEnrolment toStoredEnrolment() {
            return new StoredEnrolment(id, revision, events, eventJson);
        }
    }

    private final Map<EnrolmentId, Known> known;

    RecentEnrolments(int capacity) {
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<EnrolmentId, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Known> get(EnrolmentId id) {
        return Optional.ofNullable(known.get(id));
    }

    synchronized void remember(Known enrolment) {
        known.put(enrolment.id(), enrolment);
    }

    synchronized void forget(EnrolmentId id) {
        known.remove(id);
    }
}
