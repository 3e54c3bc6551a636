package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Which of some events' ids are already applied to their enrolments, and as what. */
@Component
public class AppliedEvents {

    private final EnrolmentStore enrolments;

    AppliedEvents(EnrolmentStore enrolments) {
        this.enrolments = enrolments;
    }

    /** The applied event under each of these events' ids, where one is: one read of the enrolments involved. */
    public Map<UUID, LearnerActivityEvent> appliedUnderIdsOf(Collection<LearnerActivityEvent> events) {
        Map<EnrolmentId, StoredEnrolment> stored = enrolments.load(events.stream().map(EnrolmentId::of).distinct().toList());
        Map<UUID, LearnerActivityEvent> applied = new HashMap<>();
        for (LearnerActivityEvent event : events) {
            StoredEnrolment enrolment = stored.get(EnrolmentId.of(event));
            if (enrolment != null) {
                enrolment.applied(event.eventId()).ifPresent(found -> applied.put(event.eventId(), found));
            }
        }
        return applied;
    }
}
