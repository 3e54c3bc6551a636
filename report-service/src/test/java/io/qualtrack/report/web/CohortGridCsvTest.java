package io.qualtrack.report.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CohortGridCsvTest {

    @Test
    void quotesWhatCsvNeedsQuotedAndDefusesFormulas() {
        assertThat(CohortGridCsv.escape("plain")).isEqualTo("plain");
        assertThat(CohortGridCsv.escape("a, b")).isEqualTo("\"a, b\"");
        assertThat(CohortGridCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CohortGridCsv.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CohortGridCsv.escape("-5")).isEqualTo("'-5");
    }
}
