package io.qualtrack.content.seed;

import io.qualtrack.content.catalogue.Catalogue;
import io.qualtrack.content.catalogue.LearningOutcome;
import io.qualtrack.content.catalogue.Qualification;
import io.qualtrack.content.catalogue.Unit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultCatalogueTest {

    private final Catalogue catalogue = DefaultCatalogue.load(Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void hasTheFiveSeedUnitsWithSeventeenLearningOutcomes() {
        assertThat(catalogue.units()).extracting(Unit::code).containsExactlyElementsOf(DefaultCatalogue.UNIT_CODES);
        assertThat(catalogue.units()).extracting(u -> u.learningOutcomes().size()).containsExactly(4, 4, 4, 2, 3);
        assertThat(catalogue.learningOutcomeCount()).isEqualTo(17);
    }

    @Test
    void keepsTheSeedWordingOfLearningOutcomes() {
        Unit strategic = unit("SELM7-01");
        assertThat(strategic.title()).isEqualTo("Leading the School Strategically");
        assertThat(strategic.learningOutcomes().getFirst().text())
                .isEqualTo("Understand the relationship between strategic management and leadership");
        assertThat(unit("SELM7-04").learningOutcomes()).extracting(LearningOutcome::text).first().asString()
                .startsWith("Be able to identify development needs through the assessment of performance");
    }

    @Test
    void mapsEveryCriterionToOneLearningOutcomeNumberedWithinIt() {
        for (Unit unit : catalogue.units()) {
            for (LearningOutcome outcome : unit.learningOutcomes()) {
                String number = outcome.code().substring(2);
                assertThat(outcome.criteria()).as(unit.code() + " " + outcome.code()).isNotEmpty()
                        .allSatisfy(c -> assertThat(c.code()).startsWith(number + "."));
            }
            var codes = unit.learningOutcomes().stream().flatMap(lo -> lo.criteria().stream()).map(c -> c.code()).toList();
            assertThat(codes).as(unit.code()).doesNotHaveDuplicates();
        }
    }

    @Test
    void carriesEachUnitsGuidanceWithoutRepeats() {
        assertThat(catalogue.units()).allSatisfy(unit -> {
            var guidance = unit.guidance();
            assertThat(guidance.assessmentGuidance()).isNotEmpty().doesNotHaveDuplicates()
                    .noneMatch(item -> item.contains("💡") || item.startsWith("•"));
            assertThat(guidance.commonMistakes()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(guidance.keyConcepts()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(guidance.priorKnowledge()).isNotEmpty().doesNotHaveDuplicates();
        });
    }

    @Test
    void namesTheFiveQualificationsTheSeedPagesBelongTo() {
        Map<String, Qualification> qualifications = catalogue.qualifications().stream()
                .collect(Collectors.toMap(Qualification::code, Function.identity()));
        assertThat(qualifications).containsOnlyKeys("SELM7-DIP-HP", "SELM7-DIP-SM", "SELM7-EXT-DIP", "SELM7-CERT", "LQTLA7-CERT");
        assertThat(qualifications.get("SELM7-DIP-HP").unitCodes()).containsExactly("SELM7-01", "SELM7-02", "SELM7-03", "SELM7-05");
        assertThat(qualifications.get("SELM7-CERT").unitCodes()).containsExactly("SELM7-04");
        assertThat(qualifications.values()).allSatisfy(q -> assertThat(q.level()).isEqualTo(7));
        assertThat(catalogue.problems()).isEmpty();
    }

    private Unit unit(String code) {
        return catalogue.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
