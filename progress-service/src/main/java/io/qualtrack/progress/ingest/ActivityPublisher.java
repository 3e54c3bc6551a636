package io.qualtrack.progress.ingest;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.util.List;

/** Puts accepted activity on the activity topic and returns once Kafka has all of it; throws otherwise. */
public interface ActivityPublisher {

    void publish(List<LearnerActivityEvent> events);
}
