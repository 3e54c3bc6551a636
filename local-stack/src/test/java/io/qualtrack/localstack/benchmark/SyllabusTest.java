package io.qualtrack.localstack.benchmark;

import io.qualtrack.localstack.TestCatalogues;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyllabusTest {

    private final Syllabus syllabus = Syllabus.of(TestCatalogues.SEED_SHAPE);

    @Test
    void eachQualificationsUnitsInItsOrderWithTheirVersionAndCriteria() {
        assertThat(syllabus.units()).containsOnlyKeys("SELM7-DIP-HP", "SELM7-DIP-SM", "SELM7-EXT-DIP", "SELM7-CERT", "LQTLA7-CERT");
        assertThat(syllabus.units().get("SELM7-DIP-HP")).extracting(Syllabus.Unit::code)
                .containsExactly("SELM7-01", "SELM7-02", "SELM7-03", "SELM7-05");
        assertThat(syllabus.units().get("SELM7-CERT")).containsExactly(
                new Syllabus.Unit("SELM7-04", 1, List.of("1.1", "2.1", "2.2", "2.3")));
        assertThat(syllabus.units().get("SELM7-DIP-SM").get(1)).isEqualTo(
                new Syllabus.Unit("SELM7-02", 2, List.of("1.1", "2.1", "3.1", "4.1", "4.2", "4.3")));
        assertThat(syllabus.criteria("SELM7-DIP-HP")).isEqualTo(23);
    }

    @Test
    void theLargestAreTheDiplomas() {
        assertThat(syllabus.largest()).containsExactly("SELM7-DIP-HP", "SELM7-DIP-SM", "SELM7-EXT-DIP");
    }
}
