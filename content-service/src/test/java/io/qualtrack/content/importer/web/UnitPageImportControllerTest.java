package io.qualtrack.content.importer.web;

import io.qualtrack.content.AuthorInWebSlices;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(UnitPageImportController.class)
@Import(AuthorInWebSlices.class)
class UnitPageImportControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void reportsWhatItParsedFromASeedPageAndProposesADraft() throws IOException {
        String page;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalogue/sources/003_b0b95b94dff4ee0d.txt")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        var result = mvc.post().uri("/api/unit-pages?code=NEW-06").contentType(MediaType.TEXT_PLAIN).content(page);

        assertThat(result).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.report.learningOutcomeCount", n -> n.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.report.criterionPhrasingCount", n -> n.assertThat().isEqualTo(11))
                .hasPathSatisfying("$.draft.code", c -> c.assertThat().isEqualTo("NEW-06"))
                .hasPathSatisfying("$.draft.title", t -> t.assertThat()
                        .isEqualTo("Developing Self and Others to Enable Teaching and Learning"))
                .hasPathSatisfying("$.reportText", t -> t.assertThat().asString().contains("11"));
    }

    @Test
    void aPageOverTheSizeLimitIsRefusedAs413AndOneWithTooManyBulletsAs400() {
        String huge = "x".repeat(io.qualtrack.content.importer.UnitPageParser.MAX_BYTES + 1);
        assertThat(mvc.post().uri("/api/unit-pages").contentType(MediaType.TEXT_PLAIN).content(huge))
                .hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", t -> t.assertThat().isEqualTo("Unit page too large"))
                .hasPathSatisfying("$.detail", d -> d.assertThat().asString().contains("at most 524288 bytes"));

        String bullets = "• a point\n".repeat(io.qualtrack.content.importer.UnitPageParser.MAX_BULLETS + 1);
        assertThat(mvc.post().uri("/api/unit-pages").contentType(MediaType.TEXT_PLAIN).content(bullets))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", t -> t.assertThat().isEqualTo("Too many bullets on the unit page"));
    }

    @Test
    void refusesTextThatIsNotAUnitPage() {
        var result = mvc.post().uri("/api/unit-pages").contentType(MediaType.TEXT_PLAIN).content("hello, world");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", t -> t.assertThat().isEqualTo("Not a unit page"))
                .hasPathSatisfying("$.detail", d -> d.assertThat().asString().contains("learning outcomes"));
    }
}
