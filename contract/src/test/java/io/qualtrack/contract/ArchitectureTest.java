package io.qualtrack.contract;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ArchitectureTest {

    @Test
    void theContractNeedsNothingButTheJdkJacksonsAnnotationsAndJSpecify() {
        classes().that().resideInAPackage("io.qualtrack.contract..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.qualtrack.contract..",
                        "com.fasterxml.jackson.annotation..", "org.jspecify..")
                .because("every service and every producer of events shares this module")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.qualtrack.contract"));
    }
}
