package io.qualtrack.localstack;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A generated demo: its cohorts, its learners (one enrolment each) and all their activity, oldest first. */
public record Demo(long seed, LocalDate generatedFor, List<DemoCohort> cohorts, List<DemoLearner> learners,
            List<LearnerActivityEvent> activities) {

    public Demo {
        cohorts = List.copyOf(cohorts);
        learners = List.copyOf(learners);
        activities = List.copyOf(activities);
    }

    long learnersIn(DemoCohort cohort) {
        return learners.stream()
                .filter(l -> l.centreId().equals(cohort.centreId()) && l.cohortId().equals(cohort.cohortId()))
                .count();
    }

    /** Centre id → learners, in the order the cohorts list the centres. */
    Map<String, Long> learnersPerCentre() {
        Map<String, Long> perCentre = new LinkedHashMap<>();
        cohorts.forEach(cohort -> perCentre.merge(cohort.centreId(), learnersIn(cohort), Long::sum));
        return perCentre;
    }

    /** Centre id → centre name. */
    Map<String, String> centreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        cohorts.forEach(cohort -> names.putIfAbsent(cohort.centreId(), cohort.centreName()));
        return names;
    }

    Map<Behaviour, Long> learnersPerBehaviour(DemoCohort cohort) {
        Map<Behaviour, Long> perBehaviour = new LinkedHashMap<>();
        learners.stream()
                .filter(l -> l.centreId().equals(cohort.centreId()) && l.cohortId().equals(cohort.cohortId()))
                .forEach(l -> perBehaviour.merge(l.behaviour(), 1L, Long::sum));
        return perBehaviour;
    }
}
