package io.qualtrack.content.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportReportTest {

    private final UnitDraftProposer proposer = new UnitDraftProposer();

    @Test
    void countsWhatThePageHeldAndWhatWasProposed() {
        ParsedUnitPage page = SourcePages.STRATEGIC_LEADERSHIP.parsed();
        ProposedUnit draft = proposer.propose("SELM-1", page);

        ImportReport report = ImportReport.of(page, draft);

        assertThat(report.unitCode()).isEqualTo("SELM-1");
        assertThat(report.qualificationCount()).isEqualTo(3);
        assertThat(report.learningOutcomeCount()).isEqualTo(4);
        assertThat(report.criterionPhrasingCount()).isEqualTo(12);
        assertThat(report.proposedCriterionCount()).isEqualTo(draft.criteria().size());
        assertThat(report.criteriaPerLearningOutcome()).containsOnlyKeys("LO1", "LO2", "LO3", "LO4");
        assertThat(report.criteriaPerLearningOutcome().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(draft.criteria().size());
        assertThat(report.assessmentGuidanceCount()).isEqualTo(page.assessmentGuidance().size());
        assertThat(report.commonMistakeCount()).isEqualTo(page.commonMistakes().size());
        assertThat(report.keyConceptCount()).isEqualTo(5);
        assertThat(report.priorKnowledgeCount()).isEqualTo(3);
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void textMentionsTheCountsAndWarnings() {
        ParsedUnitPage page = SourcePages.MANAGING_PROFESSIONAL_DEVELOPMENT.parsed();
        ProposedUnit draft = proposer.propose("SELM-5", page);
        ImportReport report = ImportReport.of(page, draft);

        String text = report.toText();

        assertThat(text)
                .contains("Unit SELM-5 - Managing Professional Development to Enable Teaching and Learning")
                .contains("Qualifications: 4")
                .contains("Learning outcomes: 3")
                .contains("Criterion phrasings on the page: 20")
                .contains("Proposed criteria: " + draft.criteria().size() + " (LO1: "
                        + draft.criteriaOf("LO1").size() + ", LO2: " + draft.criteriaOf("LO2").size()
                        + ", LO3: " + draft.criteriaOf("LO3").size() + ")")
                .contains("Assessment guidance items: " + page.assessmentGuidance().size())
                .contains("Common mistakes: " + page.commonMistakes().size())
                .contains("Key concepts: 5")
                .contains("Prior knowledge items: 3")
                .contains("Warnings (" + report.warnings().size() + "):")
                .contains("  - 'Learning Objectives' has 8 bullet(s) without an LO code; ignored");
    }

    @Test
    void listsLowConfidenceCriteriaForReview() {
        ParsedUnitPage page = SourcePages.DEVELOPING_SELF_AND_OTHERS.parsed();
        ProposedUnit draft = proposer.propose("SELM-4", page);

        ImportReport report = ImportReport.of(page, draft);

        assertThat(report.lowConfidenceCriteria()).containsExactlyElementsOf(draft.criteria().stream()
                .filter(criterion -> criterion.confidence() < ImportReport.LOW_CONFIDENCE)
                .map(DraftCriterion::code)
                .toList());
        assertThat(report.toText()).contains("Criteria to check (confidence below 0.6): ");
    }

    @Test
    void saysSoWhenThereAreNoWarnings() {
        ParsedUnitPage page = SourcePages.QUALITY_OF_TEACHING.parsed();

        assertThat(ImportReport.of(page, proposer.propose("SELM-3", page)).toText()).contains("Warnings: none");
    }
}
