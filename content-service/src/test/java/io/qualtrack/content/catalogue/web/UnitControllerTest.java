package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.catalogue.AssessmentCriterion;
import io.qualtrack.content.catalogue.InvalidUnitException;
import io.qualtrack.content.catalogue.LearningOutcome;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitCatalogue;
import io.qualtrack.content.catalogue.UnitGuidance;
import io.qualtrack.content.catalogue.UnitNotFoundException;
import io.qualtrack.content.catalogue.Violation;
import io.qualtrack.content.AuthorInWebSlices;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest({UnitController.class, QualificationController.class})
@Import(AuthorInWebSlices.class)
class UnitControllerTest {

    private static final Unit UNIT = new Unit("SELM7-01", 2, "Leading the School Strategically", "Strategy.",
            List.of(new LearningOutcome("LO1", "Understand strategic leadership",
                    List.of(new AssessmentCriterion("1.1", "Distinguish leadership from management")))),
            new UnitGuidance(List.of("Link theory to practice"), List.of("Confusing operations with strategy"),
                    List.of(), List.of()), Instant.parse("2026-11-01T10:00:00Z"));

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    UnitCatalogue catalogue;

    @Test
    void showsTheLatestVersionWithItsCriteriaAndEveryVersionThatExists() {
        given(catalogue.latest("SELM7-01")).willReturn(UNIT);
        given(catalogue.versions("SELM7-01")).willReturn(List.of(1, 2));

        assertThat(mvc.get().uri("/api/units/SELM7-01")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.versions", v -> v.assertThat().asList().containsExactly(1, 2))
                .hasPathSatisfying("$.learningOutcomes[0].criteria[0].code", v -> v.assertThat().isEqualTo("1.1"))
                .hasPathSatisfying("$.commonMistakes[0]", v -> v.assertThat().isEqualTo("Confusing operations with strategy"))
                .doesNotHavePath("$.pending")
                .doesNotHavePath("$.eventId");
    }

    @Test
    void answersAnUnknownUnitWithProblemDetails() {
        given(catalogue.latest("NOPE")).willThrow(new UnitNotFoundException("NOPE"));

        assertThat(mvc.get().uri("/api/units/NOPE")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().hasPathSatisfying("$.detail", d -> d.assertThat().isEqualTo("no unit with code NOPE"));
    }

    @Test
    void answersAnInvalidDraftWithEveryProblemItFound() {
        given(catalogue.createVersion(eq("SELM7-01"), any())).willThrow(new InvalidUnitException(List.of(
                new Violation("criteria[0].learningOutcome", "criterion 5.1 names unknown learning outcome 'LO5'"))));

        var result = mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"x\",\"learningOutcomes\":[],\"criteria\":[]}");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.title", t -> t.assertThat().isEqualTo("Invalid unit"))
                .hasPathSatisfying("$.errors[0].field", f -> f.assertThat().isEqualTo("criteria[0].learningOutcome"));
    }

    @Test
    void answersMalformedJsonWithAProblemAndNoInternals() {
        var result = mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Leading\", \"learningOutcomes\": [");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyText()
                .contains("not valid JSON").doesNotContain("Exception").doesNotContain("tools.jackson");
        verifyNoInteractions(catalogue);
    }

    @Test
    void locatesACreatedVersion() {
        given(catalogue.createVersion(eq("SELM7-01"), any())).willReturn(UNIT);
        given(catalogue.versions("SELM7-01")).willReturn(List.of(1, 2));

        var result = mvc.post().uri("/api/units/SELM7-01/versions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Leading the School Strategically\"}");

        assertThat(result).hasStatus(201).headers().hasValue("Location", "http://localhost/api/units/SELM7-01/versions/2");
    }
}
