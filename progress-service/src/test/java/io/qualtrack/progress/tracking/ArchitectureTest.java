package io.qualtrack.progress.tracking;

import io.qualtrack.testsupport.PlainDomain;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theProgressRulesAndAdmissionArePlainJava() {
        PlainDomain.check(ProgressRules.class, ProgressSummaries.class, CriterionState.class, ActivityAdmission.class, Admission.class,
                ActivityShape.class, StoredEnrolment.class, EnrolmentId.class, ActivityBacklog.class);
    }
}
