package io.qualtrack.content.seed;

import io.qualtrack.content.importer.ParsedLearningOutcome;
import io.qualtrack.content.importer.ParsedUnitPage;
import io.qualtrack.content.importer.UnitPageParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The curated catalogue loses nothing from its source pages: every criterion phrasing is used exactly once. */
class CurationTraceabilityTest {

    static Stream<SeedUnit> seedUnits() {
        return DefaultCatalogue.seedUnits().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedUnits")
    void everyCriterionPhrasingOfThePageIsMergedIntoExactlyOneCriterion(SeedUnit unit) throws IOException {
        ParsedUnitPage page = new UnitPageParser().parse(source(unit));

        List<Integer> cited = new ArrayList<>();
        unit.criteria().forEach(c -> cited.addAll(c.sourcePhrasings()));
        assertThat(cited).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, page.criterionPhrasings().size()).boxed().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedUnits")
    void keepsThePagesTitleAndLearningOutcomeWording(SeedUnit unit) throws IOException {
        ParsedUnitPage page = new UnitPageParser().parse(source(unit));

        assertThat(unit.title()).isEqualTo(page.title());
        assertThat(unit.learningOutcomes()).extracting(lo -> lo.code())
                .containsExactlyElementsOf(page.learningOutcomes().stream().map(ParsedLearningOutcome::code).toList());
        for (int i = 0; i < page.learningOutcomes().size(); i++) {
            assertThat(normalise(unit.learningOutcomes().get(i).text()))
                    .isEqualTo(normalise(page.learningOutcomes().get(i).text()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedUnits")
    void belongsToExactlyTheQualificationsItsPageNames(SeedUnit unit) throws IOException {
        ParsedUnitPage page = new UnitPageParser().parse(source(unit));

        var titles = DefaultCatalogue.qualifications().stream()
                .filter(q -> q.unitCodes().contains(unit.code())).map(q -> q.title()).toList();
        assertThat(titles).containsExactlyInAnyOrderElementsOf(page.qualifications());
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("[.\\s]+$", "").trim();
    }

    private static String source(SeedUnit unit) throws IOException {
        try (InputStream in = CurationTraceabilityTest.class.getClassLoader()
                .getResourceAsStream("catalogue/sources/" + unit.source())) {
            assertThat(in).as("source page " + unit.source()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
