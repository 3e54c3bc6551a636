package io.qualtrack.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class UnitPageParserTest {

    private final UnitPageParser parser = new UnitPageParser();

    static Stream<Arguments> expectedPageFacts() {
        return Stream.of(
                Arguments.of(SourcePages.STRATEGIC_LEADERSHIP, "Leading the School Strategically", 4, 12),
                Arguments.of(SourcePages.OPERATIONS_AND_RESOURCES, "Leading and Managing School Operations and Resources", 4, 13),
                Arguments.of(SourcePages.QUALITY_OF_TEACHING, "Leading the Quality of Teaching, Learning and Assessment", 4, 4),
                Arguments.of(SourcePages.DEVELOPING_SELF_AND_OTHERS, "Developing Self and Others to Enable Teaching and Learning", 2, 11),
                Arguments.of(SourcePages.MANAGING_PROFESSIONAL_DEVELOPMENT, "Managing Professional Development to Enable Teaching and Learning", 3, 20));
    }

    @ParameterizedTest(name = "{0}: {1}, {2} outcomes, {3} phrasings")
    @MethodSource("expectedPageFacts")
    void readsTitleLearningOutcomesAndEveryCriterionPhrasing(SourcePages source, String title, int outcomes, int phrasings) {
        ParsedUnitPage page = source.parsed();

        assertThat(page.title()).isEqualTo(title);
        assertThat(page.learningOutcomes()).hasSize(outcomes);
        assertThat(page.learningOutcomes()).extracting(ParsedLearningOutcome::code)
                .containsExactlyElementsOf(Stream.iterate(1, n -> n + 1).limit(outcomes).map(n -> "LO" + n).toList());
        assertThat(page.criterionPhrasings()).hasSize(phrasings);
    }

    @Test
    void splitsTheRunTogetherOutcomeLineAndDropsTheTrailingFullStop() {
        assertThat(SourcePages.STRATEGIC_LEADERSHIP.parsed().learningOutcomes()).containsExactly(
                new ParsedLearningOutcome("LO1", "Understand the relationship between strategic management and leadership"),
                new ParsedLearningOutcome("LO2", "Be able to create a strategic plan to meet strategic objectives"),
                new ParsedLearningOutcome("LO3", "Be able to monitor and control the implementation of strategic plans"),
                new ParsedLearningOutcome("LO4", "Be able to lead improvements in the school and/or department to meet strategic objectives"));
    }

    @Test
    void keepsAnOutcomeOnceWhenThePageRepeatsItWithinTheSameLine() {
        List<ParsedLearningOutcome> outcomes = SourcePages.OPERATIONS_AND_RESOURCES.parsed().learningOutcomes();

        assertThat(outcomes.getFirst()).isEqualTo(new ParsedLearningOutcome("LO1",
                "Understand the role of leadership and management of school operations in achieving the strategic plan"));
        assertThat(outcomes.get(1).text())
                .isEqualTo("Understand the role of human resources management in school strategic operations management");
    }

    @Test
    void findsTheCodedOutcomesOnThePageWhoseObjectivesSectionAlsoHoldsPlainBullets() {
        ParsedUnitPage page = SourcePages.MANAGING_PROFESSIONAL_DEVELOPMENT.parsed();

        assertThat(page.learningOutcomes()).extracting(ParsedLearningOutcome::text).containsExactly(
                "Be able to plan professional development opportunities for the development of effective teaching and learning in schools/colleges",
                "Be able to evaluate the impact of professional development on teacher development and learners’ outcomes",
                "Understand the role and benefits of learning communities in professional development");
        assertThat(page.warnings()).anySatisfy(warning -> assertThat(warning).contains("8 bullet(s) without an LO code"));
    }

    @Test
    void keepsRepeatedCriterionPhrasingsInPageOrder() {
        List<String> phrasings = SourcePages.STRATEGIC_LEADERSHIP.parsed().criterionPhrasings();

        assertThat(phrasings.getFirst()).startsWith("Award credit for demonstrating a critical understanding of the distinction");
        assertThat(phrasings.get(11)).startsWith("Credit evidence that links improvement initiatives to strategic objectives");
        assertThat(phrasings).allSatisfy(phrasing -> assertThat(phrasing).doesNotStartWith("•"));
    }

    @Test
    void namesTheSingleQualificationOfTheQualityOfTeachingUnit() {
        assertThat(SourcePages.QUALITY_OF_TEACHING.parsed().qualifications()).containsExactly(
                "ATHE Level 7 Diploma in Strategic Educational Leadership and Management for Headteachers and Principals");
    }

    @Test
    void namesTheFourQualificationsOfTheProfessionalDevelopmentUnit() {
        assertThat(SourcePages.MANAGING_PROFESSIONAL_DEVELOPMENT.parsed().qualifications()).containsExactly(
                "ATHE Level 7 Certificate in Leading the Quality of Teaching, Learning and Assessment",
                "ATHE Level 7 Diploma in Strategic Educational Leadership and Management for Headteachers and Principals",
                "ATHE Level 7 Diploma in Strategic Educational Leadership and Management for Senior Managers",
                "ATHE Level 7 Extended Diploma in Strategic Educational Leadership and Management");
    }

    @ParameterizedTest
    @EnumSource(SourcePages.class)
    void takesTheSummaryFromTheTopicSynopsisAndNamesAtLeastOneQualification(SourcePages source) {
        ParsedUnitPage page = source.parsed();

        assertThat(page.summary()).startsWith("This ").hasSizeGreaterThan(200).endsWith(".");
        assertThat(page.qualifications()).isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(qualification -> assertThat(qualification).startsWith("ATHE Level 7 "));
    }

    @ParameterizedTest
    @EnumSource(SourcePages.class)
    void readsGuidanceMistakesConceptsAndPriorKnowledgeWithoutMarkersOrRepeats(SourcePages source) {
        ParsedUnitPage page = source.parsed();

        for (Function<ParsedUnitPage, List<String>> list : List.<Function<ParsedUnitPage, List<String>>>of(
                ParsedUnitPage::assessmentGuidance, ParsedUnitPage::commonMistakes,
                ParsedUnitPage::keyConcepts, ParsedUnitPage::priorKnowledge)) {
            assertThat(list.apply(page)).isNotEmpty().doesNotHaveDuplicates().allSatisfy(item -> assertThat(item)
                    .isNotBlank()
                    .doesNotContain("•", "💡")
                    .isEqualTo(item.strip()));
        }
    }

    @Test
    void readsTheFirstPageListsCompletely() {
        ParsedUnitPage page = SourcePages.STRATEGIC_LEADERSHIP.parsed();

        assertThat(page.keyConcepts()).hasSize(5).first().asString().startsWith("Strategic Vision and Planning:");
        assertThat(page.priorKnowledge()).hasSize(3);
        assertThat(page.assessmentGuidance()).hasSize(13)
                .first().asString().startsWith("When constructing responses, consistently link actions");
        // Two mistakes differ only in their consequence clause and are merged into the longer wording.
        assertThat(page.commonMistakes()).hasSize(14)
                .contains("Neglecting to involve key stakeholders in the planning process, which can lead to resistance and poor implementation.")
                .doesNotContain("Neglecting to involve key stakeholders in the planning process, which undermines buy-in and alignment.");
    }

    @ParameterizedTest
    @EnumSource(value = SourcePages.class, names = "MANAGING_PROFESSIONAL_DEVELOPMENT", mode = EnumSource.Mode.EXCLUDE)
    void reportsNoWarningsForTheRegularlyLaidOutPages(SourcePages source) {
        assertThat(source.parsed().warnings()).isEmpty();
    }

    @Test
    void removesExactRepeatsAndMergesNearRepeatsKeepingTheLongerWording() {
        ParsedUnitPage page = parser.parse(HandMadePages.page(
                "LO1: Understand budget planning for schools.LO2: Be able to manage safeguarding risks in schools.",
                "Explain how annual budget planning supports school improvement priorities."));

        assertThat(page.assessmentGuidance()).containsExactly(
                "Use a real budget from your own school.",
                "Show how your spending decisions follow the school priorities.");
        assertThat(page.qualifications()).containsExactly("ATHE Level 7 Diploma in Testing");
        assertThat(page.title()).isEqualTo("Budgeting for Schools");
        assertThat(page.summary()).isEqualTo("Leaders plan and monitor school budgets.");
    }

    @Test
    void rejectsTextThatIsNotAUnitPageNamingWhatIsMissing() {
        assertThatThrownBy(() -> parser.parse("Dear customer,\nyour parcel is on its way.\n"))
                .isInstanceOf(UnitPageFormatException.class)
                .hasMessageContaining("no learning outcomes (LO1: …) found")
                .hasMessageContaining("no 'Assessment Criteria' section");
    }

    @Test
    void rejectsAPageWithOutcomesButNoCriteria() {
        String withoutCriteria = "Some UnitATHE Ltd Occupational Qualification\n\nLearning Objectives\n\n• LO1: Understand things.\n";

        assertThatThrownBy(() -> parser.parse(withoutCriteria))
                .isInstanceOf(UnitPageFormatException.class)
                .hasMessage("not a unit revision page: no 'Assessment Criteria' section (bullets under "
                        + "'Key criteria assessors look for in your portfolio') found");
    }

    @Test
    void refusesAPageLargerThanItReadsBeforeReadingIt() {
        String huge = HandMadePages.page("LO1: Understand budgets.", "Plan a budget " + "x".repeat(UnitPageParser.MAX_BYTES));

        assertThatThrownBy(() -> parser.parse(huge))
                .isInstanceOfSatisfying(UnitPageTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(UnitPageTooLargeException.Limit.BYTES))
                .hasMessageContaining("the importer reads pages of at most 524288 bytes");
    }

    @Test
    void readsAPageWithAsManyBulletsAsTheLimitAndRefusesOneMore() {
        assertThat(parser.parse(pageWithBullets(UnitPageParser.MAX_BULLETS)).criterionPhrasings()).isNotEmpty();

        assertThatThrownBy(() -> parser.parse(pageWithBullets(UnitPageParser.MAX_BULLETS + 1)))
                .isInstanceOfSatisfying(UnitPageTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(UnitPageTooLargeException.Limit.BULLETS))
                .hasMessage("the page has " + (UnitPageParser.MAX_BULLETS + 1) + " bullet lines; the importer reads pages of at most "
                        + UnitPageParser.MAX_BULLETS);
    }

    /** A page of exactly {@code bullets} bullet lines, most of them distinct criteria. */
    private static String pageWithBullets(int bullets) {
        int alreadyThere = (int) HandMadePages.page("LO1: Understand budgets.").lines().filter(line -> line.strip().startsWith("•")).count();
        String[] criteria = java.util.stream.IntStream.range(0, bullets - alreadyThere)
                .mapToObj(i -> "Criterion " + i + " about budget line " + Integer.toString(i, 36)).toArray(String[]::new);
        return HandMadePages.page("LO1: Understand budgets.", criteria);
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> parser.parse("  \n "))
                .isInstanceOf(UnitPageFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void warnsAboutMissingSectionsInsteadOfFailing() {
        String minimal = """
                Bare UnitATHE Ltd Occupational Qualification

                Learning Objectives

                • LO1: Understand budgets.LO3: Understand audits.

                Assessment Criteria

                • Explain the budget cycle.
                """;

        ParsedUnitPage page = parser.parse(minimal);

        assertThat(page.title()).isEqualTo("Bare Unit");
        assertThat(page.summary()).isEmpty();
        assertThat(page.assessmentGuidance()).isEmpty();
        assertThat(page.warnings()).contains(
                "no 'Topic Synopsis' section; summary left empty",
                "no 'Assessment Guidance' section",
                "no 'Before You Start' section",
                "learning outcomes are not numbered LO1..LOn: LO2 is missing");
    }
}
