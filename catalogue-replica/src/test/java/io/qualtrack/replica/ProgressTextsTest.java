package io.qualtrack.replica;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitDefinition.CriterionDefinition;
import io.qualtrack.contract.content.UnitDefinition.LearningOutcomeDefinition;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.contract.progress.UnitProgress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTextsTest {

    private static final ProgressSummary SUMMARY = new ProgressSummary(1, 0, 1, 0, 0, 0, 0, ProgressStatus.IN_PROGRESS);
    private static final Instant AT = Instant.parse("2026-10-01T09:00:00Z");

    private static UnitDefinition definition(int version, String title, String criterionText) {
        return new UnitDefinition("U-ONE", version, title, "summary",
                List.of(new LearningOutcomeDefinition("LO1", "Outcome one v" + version, List.of(new CriterionDefinition("1.1", criterionText)))),
                List.of(), List.of(), List.of(), List.of());
    }

    private static final CatalogueView CATALOGUE = new CatalogueView() {
        @Override
        public Optional<QualificationDefinition> qualification(String code) {
            return code.equals("Q-1") ? Optional.of(new QualificationDefinition("Q-1", 1, "A qualification", 7, List.of("U-ONE", "U-NEW")))
                    : Optional.empty();
        }

        @Override
        public Optional<UnitDefinition> unit(String code, int version) {
            if (!code.equals("U-ONE")) {
                return Optional.empty();
            }
            return Optional.of(version == 1 ? definition(1, "Unit one", "Explain one") : definition(2, "Unit one, revised", "Explain one better"));
        }

        @Override
        public OptionalInt latestVersion(String unitCode) {
            return unitCode.equals("U-ONE") ? OptionalInt.of(2) : OptionalInt.empty();
        }
    };

    private static EnrolmentProgress progress(String qualification, UnitProgress... units) {
        return new EnrolmentProgress("L-1", qualification, "Published title", "C-1", "K-1", LocalDate.parse("2026-09-01"),
                LocalDate.parse("2027-06-30"), EnrolmentStatus.ACTIVE, AT, null, AT, SUMMARY, List.of(units)).withoutTexts();
    }

    private static UnitProgress unitProgress(String code, int version) {
        CriterionProgress criterion = new CriterionProgress("1.1", "published text", CriterionStatus.EVIDENCE_SUBMITTED,
                List.of("essay"), 3, AT, null, null);
        return new UnitProgress(code, version, "published title", SUMMARY,
                List.of(new LearningOutcomeProgress("LO1", "published outcome", SUMMARY, List.of(criterion))));
    }

    @Test
    void theWordsComeFromTheUnitVersionTheProgressIsIn() {
        EnrolmentProgress filled = ProgressTexts.fill(progress("Q-1", unitProgress("U-ONE", 1)), CATALOGUE);

        assertThat(filled.qualificationTitle()).isEqualTo("A qualification");
        UnitProgress unit = filled.units().getFirst();
        assertThat(unit.title()).isEqualTo("Unit one");
        assertThat(unit.learningOutcomes().getFirst().text()).isEqualTo("Outcome one v1");
        CriterionProgress criterion = unit.learningOutcomes().getFirst().criteria().getFirst();
        assertThat(criterion.text()).isEqualTo("Explain one");
        assertThat(criterion.evidenceCount()).as("everything but the words is kept").isEqualTo(3);
        assertThat(filled.withoutTexts()).isEqualTo(progress("Q-1", unitProgress("U-ONE", 1)));
    }

    @Test
    void whatTheCatalogueDoesNotKnowYetShowsByItsCode() {
        EnrolmentProgress filled = ProgressTexts.fill(progress("Q-UNKNOWN", unitProgress("U-NEW", 1)), CATALOGUE);

        assertThat(filled.qualificationTitle()).isEqualTo("Q-UNKNOWN");
        UnitProgress unit = filled.units().getFirst();
        assertThat(unit.title()).isEqualTo("U-NEW");
        assertThat(unit.learningOutcomes().getFirst().text()).isEqualTo("LO1");
        assertThat(unit.learningOutcomes().getFirst().criteria().getFirst().text()).isEqualTo("1.1");
    }
}
