package io.qualtrack.progress.tracking;

import io.qualtrack.progress.enrolment.EnrolmentId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The enrolments this instance wrote last, as it wrote them. A learner's activity arrives on one
 * partition, so the instance that owns it usually wrote the enrolment itself and need not read it back.
 */
final class RecentEnrolments {

    record Known(EnrolmentState state, long revision) {
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
        known.put(enrolment.state().id(), enrolment);
    }

    synchronized void forget(EnrolmentId id) {
        known.remove(id);
    }
}
