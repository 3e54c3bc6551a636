package io.qualtrack.progress.tracking;

import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.ingest.ActivityShape;
import io.qualtrack.progress.parking.ActivityBacklog;
import io.qualtrack.testsupport.PlainDomain;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theProgressRulesAndAdmissionArePlainJava() {
        PlainDomain.check(Enrolment.class, EnrolmentState.class, CriterionRecord.class, CriterionKey.class, Occurrence.class,
                ProgressRules.class, ProgressSummaries.class, ActivityAdmission.class, Admission.class,
                ActivityShape.class, EnrolmentId.class, ActivityBacklog.class);
    }
}
