package io.qualtrack.report.tenancy;

import io.qualtrack.report.cohort.EnrolmentKey;
import io.qualtrack.report.dashboard.LearnerDashboards;
import io.qualtrack.security.Caller;
import io.qualtrack.security.NotYoursException;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;

/**
 * What a caller may read, from their token alone: the centres they are staff of (every centre for operations), and
 * the enrolments they may read there (a learner's own, at the centre their token names). Anything else is answered
 * exactly as if it did not exist: a centre is checked before anything is looked up; a learner id's enrolments are
 * each filtered, and none left reads like an unknown id, so an answer never tells whether another centre's cohort
 * or learner exists.
 */
@Component
public class Tenancy {

    private final LearnerDashboards dashboards;

    Tenancy(LearnerDashboards dashboards) {
        this.dashboards = dashboards;
    }

    public static void requireCentre(Caller caller, String centreId) {
        if (!caller.mayReadCentre(centreId)) {
            throw new NotYoursException("centre " + centreId);
        }
    }

    /**
     * The enrolments of {@code learnerId} the caller may read, each decided with its centre: a learner id is the centre's
     * own reference, so the same id elsewhere is someone else. None is answered like an unknown id.
     */
    public LearnerDashboards.Dashboard dashboard(Caller caller, String learnerId) {
        return dashboards.of(learnerId, readableBy(caller)).orElseThrow(() -> notFound(learnerId));
    }

    public String learnerVersion(Caller caller, String learnerId) {
        return dashboards.version(learnerId, readableBy(caller)).orElseThrow(() -> notFound(learnerId));
    }

    private static Predicate<EnrolmentKey> readableBy(Caller caller) {
        return enrolment -> caller.mayReadEnrolment(enrolment.centreId(), enrolment.learnerId());
    }

    private static NotYoursException notFound(String learnerId) {
        return new NotYoursException("learner " + learnerId);
    }
}
