package io.qualtrack.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rule every service keeps: its domain rules are plain Java, free of Spring, Kafka, MongoDB,
 * Micrometer and JSON mapping, so they are read, tested and changed without any of them.
 */
public final class PlainDomain {

    private static final String[] INFRASTRUCTURE = {"org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
            "io.micrometer..", "tools.jackson..", "com.fasterxml.jackson.databind..", "jakarta.servlet.."};

    private PlainDomain() {
    }

    /** Fails, naming every offending dependency, when one of {@code domainClasses} uses infrastructure. */
    public static void check(Class<?>... domainClasses) {
        JavaClasses imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importClasses(Arrays.asList(domainClasses));
        noClasses().that().belongToAnyOf(domainClasses)
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .because("domain rules are plain Java with plain unit tests")
                .check(imported);
    }
}
