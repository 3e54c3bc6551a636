package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Progress snapshots into every read model: cohort membership and the learner ids' enrolment lists first, then the
 * enrolment views, snapshots and trend. The one write path, for the progress consumer and for rebuilding the read models.
 */
@Component
public class EnrolmentProjection {

    private final EnrolmentViewStore views;
    private final CohortDirectory directory;

    public EnrolmentProjection(EnrolmentViewStore views, CohortDirectory directory) {
        this.views = views;
        this.directory = directory;
    }

    public EnrolmentViewStore.Applied apply(List<EnrolmentProgressChanged> changes) {
        return views.apply(changes, directory::join);
    }
}
