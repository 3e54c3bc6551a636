package io.qualtrack.report.tenancy;

import io.qualtrack.report.dashboard.LearnerDashboards;
import io.qualtrack.security.Caller;
import io.qualtrack.security.NotYoursException;
import org.springframework.stereotype.Component;

/**
 * What a caller may read, from their token alone: the centres they are staff of (every centre for operations), and
 * a learner who is themselves or enrolled at one of those centres. Anything else is answered exactly as if it did not
 * exist, and is checked before anything is looked up, so an answer never tells whether another centre's cohort or
 * learner exists.
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

    public void requireLearner(Caller caller, String learnerId) {
        if (!isThemselves(caller, learnerId) && !caller.mayReadLearner(learnerId, dashboards.centresOf(learnerId))) {
            throw new NotYoursException("learner " + learnerId);
        }
    }

    /** The learner's own view: all of it for themselves; for staff, only their enrolments at the staff's centres. */
    public LearnerDashboards.Dashboard dashboard(Caller caller, String learnerId) {
        requireLearner(caller, learnerId);
        LearnerDashboards.Dashboard dashboard = dashboards.of(learnerId);
        if (isThemselves(caller, learnerId)) {
            return dashboard;
        }
        return new LearnerDashboards.Dashboard(learnerId, dashboard.enrolments().stream()
                .filter(enrolment -> caller.mayReadCentre(enrolment.centreId())).toList());
    }

    public String learnerVersion(Caller caller, String learnerId) {
        requireLearner(caller, learnerId);
        return isThemselves(caller, learnerId) ? dashboards.version(learnerId, centre -> true)
                : dashboards.version(learnerId, caller::mayReadCentre);
    }

    /** A learner's token that is theirs: they see their own progress, even before any of it reached the reports. */
    private static boolean isThemselves(Caller caller, String learnerId) {
        return caller.mayReadLearner(learnerId, java.util.Set.of());
    }
}
