package io.qualtrack.faults;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A scenario's distinct activity, in the order a topic would naturally carry it; its learners form one cohort. */
record EventSet(String cohortId, List<LearnerActivityEvent> events) {

    EventSet {
        events = List.copyOf(events);
    }

    int size() {
        return events.size();
    }

    List<LearnerActivityEvent> slice(int from, int to) {
        return events.subList(from, to);
    }

    Set<String> learnerIds() {
        Set<String> ids = new TreeSet<>();
        events.forEach(e -> ids.add(e.learnerId()));
        return ids;
    }
}
