package io.qualtrack.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnitDraftProposerTest {

    private static final String BUDGET_AND_SAFEGUARDING =
            "LO1: Understand budget planning for schools.LO2: Be able to manage safeguarding risks.";

    private final UnitPageParser parser = new UnitPageParser();
    private final UnitDraftProposer proposer = new UnitDraftProposer();

    @ParameterizedTest
    @EnumSource(SourcePages.class)
    void usesEveryPhrasingExactlyOnce(SourcePages source) {
        ParsedUnitPage page = source.parsed();

        ProposedUnit draft = proposer.propose("U1", page);

        List<Integer> used = draft.criteria().stream().flatMap(c -> c.sourcePhrasings().stream()).sorted().toList();
        assertThat(used).isEqualTo(IntStream.rangeClosed(1, page.criterionPhrasings().size()).boxed().toList());
    }

    @ParameterizedTest
    @EnumSource(SourcePages.class)
    void givesEveryLearningOutcomeAtLeastOneCriterion(SourcePages source) {
        ProposedUnit draft = proposer.propose("U1", source.parsed());

        assertThat(draft.learningOutcomes()).allSatisfy(outcome ->
                assertThat(draft.criteriaOf(outcome.code())).as("criteria of %s", outcome.code()).isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(SourcePages.class)
    void numbersCriteriaUniquelyAndPerLearningOutcome(SourcePages source) {
        ProposedUnit draft = proposer.propose("U1", source.parsed());

        assertThat(draft.criteria()).extracting(DraftCriterion::code).doesNotHaveDuplicates();
        assertThat(draft.criteria()).allSatisfy(criterion -> {
            assertThat(criterion.code()).matches("\\d+\\.\\d+");
            assertThat(criterion.learningOutcome()).isEqualTo("LO" + criterion.code().substring(0, criterion.code().indexOf('.')));
            assertThat(criterion.confidence()).isBetween(0.0, 1.0);
        });
        draft.learningOutcomes().forEach(outcome -> assertThat(draft.criteriaOf(outcome.code()))
                .extracting(DraftCriterion::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, draft.criteriaOf(outcome.code()).size())
                        .mapToObj(n -> outcome.number() + "." + n).toList()));
    }

    @ParameterizedTest
    @EnumSource(SourcePages.class)
    void keepsAPhrasingOfTheGroupAsTheCriterionText(SourcePages source) {
        ParsedUnitPage page = source.parsed();

        ProposedUnit draft = proposer.propose("U1", page);

        assertThat(draft.criteria()).allSatisfy(criterion -> assertThat(criterion.text())
                .isIn(criterion.sourcePhrasings().stream().map(n -> page.criterionPhrasings().get(n - 1)).toList()));
    }

    @Test
    void carriesThePageContentIntoTheDraft() {
        ParsedUnitPage page = SourcePages.QUALITY_OF_TEACHING.parsed();

        ProposedUnit draft = proposer.propose("SELM-3", page);

        assertThat(draft.code()).isEqualTo("SELM-3");
        assertThat(draft.title()).isEqualTo(page.title());
        assertThat(draft.summary()).isEqualTo(page.summary());
        assertThat(draft.learningOutcomes()).isEqualTo(page.learningOutcomes());
        assertThat(draft.assessmentGuidance()).isEqualTo(page.assessmentGuidance());
        assertThat(draft.commonMistakes()).isEqualTo(page.commonMistakes());
        assertThat(draft.keyConcepts()).isEqualTo(page.keyConcepts());
        assertThat(draft.priorKnowledge()).isEqualTo(page.priorKnowledge());
    }

    @Test
    void pairsEachPhrasingOfTheQualityOfTeachingPageWithItsOwnOutcome() {
        ProposedUnit draft = proposer.propose("U1", SourcePages.QUALITY_OF_TEACHING.parsed());

        assertThat(draft.criteria()).extracting(DraftCriterion::code, DraftCriterion::sourcePhrasings).containsExactly(
                tuple("1.1", List.of(1)),
                tuple("2.1", List.of(2)),
                tuple("3.1", List.of(3)),
                tuple("4.1", List.of(4)));
    }

    @Test
    void mergesTwoNearIdenticalPhrasingsAndKeepsADifferentOneApart() {
        ParsedUnitPage page = parser.parse(HandMadePages.page(BUDGET_AND_SAFEGUARDING,
                "Explain how annual budget planning supports school improvement priorities.",
                "Explain how the annual budget planning supports the school's improvement priorities.",
                "Evaluate budget variance reports presented to governors.",
                "Assess safeguarding risks and set out control measures."));

        ProposedUnit draft = proposer.propose("BUD-1", page);

        assertThat(draft.criteria()).containsExactly(
                new DraftCriterion("1.1", "LO1",
                        "Explain how the annual budget planning supports the school's improvement priorities.",
                        List.of(1, 2), 1.0),
                new DraftCriterion("1.2", "LO1", "Evaluate budget variance reports presented to governors.", List.of(3), 1.0),
                new DraftCriterion("2.1", "LO2", "Assess safeguarding risks and set out control measures.", List.of(4), 1.0));
    }

    @Test
    void movesTheClosestSparePhrasingToAnOutcomeNothingMatched() {
        ParsedUnitPage page = parser.parse(HandMadePages.page(
                "LO1: Understand budget planning for schools.LO2: Know how to communicate with parents.",
                "Explain how annual budget planning supports school improvement priorities.",
                "Explain how the annual budget planning supports the school's improvement priorities.",
                "Evaluate budget planning reports presented to parents."));

        ProposedUnit draft = proposer.propose("BUD-1", page);

        assertThat(draft.criteriaOf("LO1")).singleElement()
                .extracting(DraftCriterion::sourcePhrasings).isEqualTo(List.of(1, 2));
        assertThat(draft.criteriaOf("LO2")).singleElement().satisfies(criterion -> {
            assertThat(criterion.code()).isEqualTo("2.1");
            assertThat(criterion.sourcePhrasings()).containsExactly(3);
            assertThat(criterion.confidence()).isLessThan(0.5);
        });
        assertThat(draft.warnings()).anySatisfy(warning ->
                assertThat(warning).startsWith("LO2 matched no phrasing; moved phrasing 3 from LO1"));
    }

    @Test
    void warnsWhenAnOutcomeCannotGetACriterion() {
        ParsedUnitPage page = parser.parse(HandMadePages.page(BUDGET_AND_SAFEGUARDING,
                "Explain how annual budget planning supports school improvement priorities."));

        ProposedUnit draft = proposer.propose("BUD-1", page);

        assertThat(draft.criteria()).hasSize(1);
        assertThat(draft.warnings()).contains(
                "LO2 has no proposed criterion: no phrasing matched it and none could be spared");
    }

    @Test
    void breaksTiesTowardsTheLowerOutcomeAndSaysSo() {
        ParsedUnitPage page = parser.parse(HandMadePages.page(BUDGET_AND_SAFEGUARDING,
                "Describe the duties of governors.",
                "Assess safeguarding risks and set out control measures."));

        ProposedUnit draft = proposer.propose("BUD-1", page);

        assertThat(draft.criteriaOf("LO1")).singleElement().satisfies(criterion -> {
            assertThat(criterion.sourcePhrasings()).containsExactly(1);
            assertThat(criterion.confidence()).isZero();
        });
        assertThat(draft.warnings()).contains(
                "phrasing 1 shares no words with any learning outcome; put under LO1 by default");
    }

    @Test
    void repeatsThePageWarningsInTheDraft() {
        ParsedUnitPage page = SourcePages.MANAGING_PROFESSIONAL_DEVELOPMENT.parsed();

        assertThat(proposer.propose("U1", page).warnings()).containsAll(page.warnings());
    }

    @Test
    void refusesABlankUnitCode() {
        ParsedUnitPage page = SourcePages.QUALITY_OF_TEACHING.parsed();

        assertThatThrownBy(() -> proposer.propose(" ", page)).isInstanceOf(IllegalArgumentException.class);
    }
}
