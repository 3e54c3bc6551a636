package io.qualtrack.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSimilarityTest {

    @Test
    void identicalTextsAreFullySimilar() {
        String text = "Evaluate the impact of professional development on learner outcomes.";

        assertThat(TextSimilarity.similarity(text, text)).isEqualTo(1.0);
    }

    @Test
    void textsSharingNoContentWordsAreNotSimilarAtAll() {
        assertThat(TextSimilarity.similarity("Budget allocation and forecasting", "Safeguarding children in schools"))
                .isEqualTo(0.0);
    }

    @Test
    void ignoresCasePunctuationAndStopWords() {
        assertThat(TextSimilarity.similarity("Lead the school's STRATEGIC plan!", "lead schools strategic plan"))
                .isEqualTo(1.0);
    }

    @Test
    void treatsSimpleInflectionsAsTheSameWord() {
        assertThat(TextSimilarity.similarity("planning budgets", "planned budget")).isEqualTo(1.0);
        assertThat(TextSimilarity.similarity("manage risks", "risk management")).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Create a strategic plan to meet objectives | A coherent strategic plan with SMART objectives
            Monitor implementation of plans            | Use monitoring tools to track progress
            Understand learning communities            | Understand the benefits of learning communities in CPD
            """)
    void isSymmetricAndBetweenZeroAndOne(String first, String second) {
        double forwards = TextSimilarity.similarity(first, second);

        assertThat(forwards).isBetween(0.0, 1.0);
        assertThat(TextSimilarity.similarity(second, first)).isEqualTo(forwards);
    }

    @Test
    void growsWithTheShareOfWordsInCommon() {
        String outcome = "Create a strategic plan to meet strategic objectives";

        assertThat(TextSimilarity.similarity(outcome, "A strategic plan with clear objectives"))
                .isGreaterThan(TextSimilarity.similarity(outcome, "A monitoring plan with clear milestones"));
    }

    @Test
    void isTheDiceCoefficientOfTheWordSets() {
        // {budget, plan, school} and {budget, plan, governor}: 2 * 2 shared / (3 + 3)
        assertThat(TextSimilarity.similarity("budget plan for the school", "budget plan for governors"))
                .isCloseTo(4.0 / 6.0, within(1e-9));
    }

    @Test
    void textsWithoutContentWordsOnlyMatchThemselves() {
        assertThat(TextSimilarity.similarity("and the", "And the!")).isEqualTo(1.0);
        assertThat(TextSimilarity.similarity("and the", "of a")).isEqualTo(0.0);
        assertThat(TextSimilarity.similarity("", "budget")).isEqualTo(0.0);
    }
}
