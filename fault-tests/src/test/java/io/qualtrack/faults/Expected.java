package io.qualtrack.faults;

import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.progress.tracking.ProgressRules;
import io.qualtrack.replica.CatalogueView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the system must end with, from the domain rules alone: per enrolment ({@code learner|qualification})
 * the distinct events that must be applied and the progress {@link ProgressRules} gives for them.
 */
record Expected(Map<String, Set<UUID>> eventIds, Map<String, EnrolmentProgress> progress, Map<String, Long> cohortSizes) {

    static Expected of(Collection<EventSet> sets, CatalogueView catalogue) {
        Map<String, List<LearnerActivityEvent>> byEnrolment = new TreeMap<>();
        Map<String, Long> cohortSizes = new LinkedHashMap<>();
        for (EventSet set : sets) {
            set.events().forEach(e -> byEnrolment.computeIfAbsent(key(e.centreId(), e.learnerId(), e.qualificationCode()), k -> new ArrayList<>()).add(e));
            cohortSizes.put(set.cohortId(), (long) set.learnerIds().size());
        }
        Map<String, Set<UUID>> ids = new TreeMap<>();
        Map<String, EnrolmentProgress> progress = new TreeMap<>();
        byEnrolment.forEach((key, events) -> {
            ids.put(key, events.stream().map(LearnerActivityEvent::eventId).collect(Collectors.toCollection(TreeSet::new)));
            progress.put(key, ProgressRules.calculate(events, catalogue));
        });
        return new Expected(ids, progress, cohortSizes);
    }

    /** The enrolment's key as progress-service stores it. */
    static String key(String centreId, String learnerId, String qualificationCode) {
        return Identifiers.key(centreId, learnerId, qualificationCode);
    }

    Set<String> learnerIds() {
        return progress.values().stream().map(EnrolmentProgress::learnerId).collect(Collectors.toCollection(TreeSet::new));
    }

    int events() {
        return eventIds.values().stream().mapToInt(Set::size).sum();
    }

    long withdrawnIn(String cohortId) {
        return progress.values().stream().filter(p -> p.cohortId().equals(cohortId)
                && p.status() == EnrolmentProgress.EnrolmentStatus.WITHDRAWN).count();
    }
}
