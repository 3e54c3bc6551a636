package io.qualtrack.content.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitDraftRulesTest {

    private static UnitDraft draft(List<UnitDraft.Outcome> outcomes, List<UnitDraft.Criterion> criteria) {
        return new UnitDraft("Leading change", "A unit on change.", outcomes, criteria, UnitGuidance.NONE);
    }

    private static final List<UnitDraft.Outcome> TWO_OUTCOMES = List.of(
            new UnitDraft.Outcome("LO1", "Understand change"), new UnitDraft.Outcome("LO2", "Be able to lead change"));

    private static List<String> messages(String code, UnitDraft draft) {
        return UnitDraftRules.check(code, draft).stream().map(Violation::message).toList();
    }

    @Test
    void acceptsCriteriaNumberedWithinTheirLearningOutcomes() {
        var valid = draft(TWO_OUTCOMES, List.of(
                new UnitDraft.Criterion("1.1", "LO1", "Explain models of change"),
                new UnitDraft.Criterion("2.1", "LO2", "Lead a change initiative")));

        assertThat(UnitDraftRules.check("CHG-01", valid)).isEmpty();
        Unit unit = valid.toUnit("CHG-01", 3, java.time.Instant.EPOCH);
        assertThat(unit.version()).isEqualTo(3);
        assertThat(unit.learningOutcomes().get(1).criteria()).extracting(AssessmentCriterion::code).containsExactly("2.1");
    }

    @Test
    void rejectsACriterionUnderAnUnknownLearningOutcome() {
        var invalid = draft(TWO_OUTCOMES, List.of(
                new UnitDraft.Criterion("1.1", "LO1", "Explain models of change"),
                new UnitDraft.Criterion("2.1", "LO2", "Lead a change initiative"),
                new UnitDraft.Criterion("3.1", "LO3", "Evaluate the change")));

        assertThat(messages("CHG-01", invalid)).containsExactly("criterion 3.1 names unknown learning outcome 'LO3'");
    }

    @Test
    void rejectsAUnitWithoutCriteriaAndNamesEveryLearningOutcomeLeftBare() {
        assertThat(messages("CHG-01", draft(TWO_OUTCOMES, List.of()))).containsExactlyInAnyOrder(
                "a unit needs at least one assessment criterion", "LO1 has no assessment criteria",
                "LO2 has no assessment criteria");
    }

    @Test
    void rejectsDuplicateCodes() {
        var outcomes = List.of(new UnitDraft.Outcome("LO1", "Understand change"), new UnitDraft.Outcome("LO1", "Again"));
        var criteria = List.of(new UnitDraft.Criterion("1.1", "LO1", "One"), new UnitDraft.Criterion("1.1", "LO1", "Two"));

        assertThat(messages("CHG-01", draft(outcomes, criteria)))
                .containsExactlyInAnyOrder("duplicate learning outcome code LO1", "duplicate criterion code 1.1");
    }

    @Test
    void rejectsACriterionNumberedUnderAnotherLearningOutcome() {
        var criteria = List.of(new UnitDraft.Criterion("1.1", "LO1", "One"), new UnitDraft.Criterion("1.2", "LO2", "Two"));

        assertThat(messages("CHG-01", draft(TWO_OUTCOMES, criteria)))
                .containsExactly("criterion 1.2 is numbered under LO1 but belongs to LO2");
    }

    @Test
    void rejectsMissingTitleBadCodesAndBlankItems() {
        var invalid = new UnitDraft(" ", null, List.of(new UnitDraft.Outcome("Outcome 1", "x")),
                java.util.Arrays.asList(new UnitDraft.Criterion("a", "LO1", ""), null),
                new UnitGuidance(List.of(" "), null, null, null));

        assertThat(UnitDraftRules.check("bad code", invalid)).extracting(Violation::field).contains(
                "code", "title", "learningOutcomes[0].code", "criteria[0].code", "criteria[1].code",
                "assessmentGuidance[0]");
    }

    @Test
    void refusesToTurnAnInvalidDraftIntoAUnit() {
        var invalid = draft(List.of(), List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invalid.toUnit("CHG-01", 1, java.time.Instant.EPOCH))
                .isInstanceOf(InvalidUnitException.class)
                .satisfies(e -> assertThat(((InvalidUnitException) e).violations()).isNotEmpty());
    }
}
