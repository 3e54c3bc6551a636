package io.qualtrack.contract.values;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"L-00001", "C-NORTH", "SELM7-01", "1.1", "a.assessor@centre.example", "portfolio/L-1/essay v2.pdf",
            "Siân_O'Neill#3", "学習者-7", "x"})
    void ordinaryIdentifiersAreValid(String id) {
        assertThat(Identifiers.problem("learnerId", id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZ-\u0000x", "L-1\r\nINFO forged log line", "L-\u202Efdp.exe", "L-\u200B1", "L-\u00A01", "L\t1",
            "L-\u2028", "<script>", "L\"1", "L\\1", "C-NORTH|L-1", "L-\uD800", "L-\uE000"})
    void controlFormatSeparatorAndMarkupCharactersAreRefusedWithWhereTheyAre(String id) {
        assertThat(Identifiers.problem("learnerId", id)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("learnerId must not contain").contains("(at character "));
    }

    @Test
    void aCompoundKeyOfValidIdentifiersBelongsToOneCombinationOnly() {
        assertThat(Identifiers.key("C-NORTH", "L-1", "SELM7")).isEqualTo("C-NORTH|L-1|SELM7");
        // were | allowed, ("C", "L|1", "Q") and ("C|L", "1", "Q") would share a key
        assertThat(Identifiers.isValid("L|1")).isFalse();
    }

    @Test
    void aMissingOrEmptyIdentifierIsRequired() {
        assertThat(Identifiers.problem("cohortId", null)).contains("cohortId is required");
        assertThat(Identifiers.problem("cohortId", "")).contains("cohortId is required");
    }

    @Test
    void lengthIsCountedInCharactersUpToTheLimit() {
        assertThat(Identifiers.problem("evidenceRef", "a".repeat(Identifiers.MAX_LENGTH))).isEmpty();
        assertThat(Identifiers.problem("evidenceRef", "学".repeat(Identifiers.MAX_LENGTH))).isEmpty();
        assertThat(Identifiers.problem("evidenceRef", "a".repeat(Identifiers.MAX_LENGTH + 1)))
                .contains("evidenceRef is longer than 128 characters");
    }

    @Test
    void spacesOnlyBetweenOtherCharacters() {
        assertThat(Identifiers.problem("evidenceRef", "essay draft")).isEmpty();
        assertThat(Identifiers.problem("evidenceRef", " essay")).contains("evidenceRef must not begin or end with a space");
        assertThat(Identifiers.problem("evidenceRef", "essay ")).isPresent();
        assertThat(Identifiers.problem("evidenceRef", " ")).isPresent();
    }
}
