package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;

/** Which of some events' ids are already applied to their enrolments, and as what. */
@Component
public class AppliedEvents {

    private final ActivityEventStore events;

    AppliedEvents(ActivityEventStore events) {
        this.events = events;
    }

    /** The applied event under each of these events' ids, where one is: one read of the stored events. */
    public Map<java.util.UUID, LearnerActivityEvent> appliedUnderIdsOf(Collection<LearnerActivityEvent> incoming) {
        return events.find(incoming.stream().map(LearnerActivityEvent::eventId).toList());
    }
}
