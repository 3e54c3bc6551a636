package io.qualtrack.progress.tracking;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.progress.ingest.ActivityShape;
import io.qualtrack.progress.parking.ActivityBacklog;
import io.qualtrack.testsupport.PlainDomain;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    @Test
    void theProgressRulesAndAdmissionArePlainJava() {
        PlainDomain.check(Enrolment.class, EnrolmentState.class, CriterionRecord.class, CriterionKey.class, Occurrence.class,
                ProgressRules.class, ProgressSummaries.class, ActivityAdmission.class, Admission.class,
                ActivityShape.class, EnrolmentId.class, ActivityBacklog.class);
    }

    /**
     * One way only: ingest and catalogue use tracking; tracking uses parking, publication and deadletters through their
     * ports; those use no feature above them (EnrolmentId is apart in enrolment so parking and publication can name one).
     */
    @Test
    void theFeaturePackagesDoNotDependOnEachOtherInACycle() {
        slices().matching("io.qualtrack.progress.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.qualtrack.progress"));
    }
}
