package io.qualtrack.content.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitPageImportTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path directory;

    private int run(String... args) {
        return UnitPageImport.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path pageFile(String text) throws IOException {
        return Files.writeString(directory.resolve("page.txt"), text, StandardCharsets.UTF_8);
    }

    @Test
    void printsTheReportAndThenTheDraftAsJson() throws IOException {
        Path page = pageFile(SourcePages.QUALITY_OF_TEACHING.text());

        int status = run(page.toString(), "SELM-3");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(printed).startsWith("Unit SELM-3 - Leading the Quality of Teaching, Learning and Assessment")
                .contains("Learning outcomes: 4")
                .contains("\"code\": \"SELM-3\"")
                .contains("\"sourcePhrasings\": [4]");
        assertThat(printed.indexOf("Proposed criteria:")).isLessThan(printed.indexOf('{'));
        assertThat(printed.strip()).endsWith("}");
    }

    @Test
    void defaultsTheUnitCode() throws IOException {
        Path page = pageFile(SourcePages.QUALITY_OF_TEACHING.text());

        run(page.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"code\": \"NEW-UNIT\"");
    }

    @Test
    void reportsAMissingFileOnStandardErrorWithExitCodeTwo() {
        int status = run(directory.resolve("nowhere.txt").toString());

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("cannot read page file")
                .contains("nowhere.txt", "no such file")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void reportsADirectoryGivenAsThePageWithExitCodeTwo() {
        assertThat(run(directory.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cannot read page file").doesNotContain("\tat ");
    }

    @Test
    void printsUsageWithoutArguments() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: UnitPageImport <page-file> [unit-code]");
    }

    @Test
    void explainsWhyAFileIsNotAUnitPage() throws IOException {
        Path page = pageFile("just some notes\n");

        int status = run(page.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no learning outcomes (LO1: …) found");
    }
}
