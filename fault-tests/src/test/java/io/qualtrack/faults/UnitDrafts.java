package io.qualtrack.faults;

import io.qualtrack.contract.content.UnitDefinition;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Authors the next version of a unit through content-service's API. */
final class UnitDrafts {

    /** SELM7-04 is in three qualifications, and the only unit of SELM7-CERT. */
    static final String UNIT = "SELM7-04";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UnitDrafts() {
    }

    /** Stores the next version of {@code unit} with a new title; answers the title. */
    static String revise(String contentUrl, UnitDefinition unit) {
        String title = unit.title() + " (revised v" + (unit.version() + 1) + ")";
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("summary", unit.summary());
        draft.put("learningOutcomes", unit.learningOutcomes().stream().map(lo -> Map.of("code", lo.code(), "text", lo.text())).toList());
        draft.put("criteria", unit.learningOutcomes().stream().flatMap(lo -> lo.criteria().stream()
                .map(c -> Map.of("code", c.code(), "learningOutcome", lo.code(), "text", c.text()))).toList());
        draft.put("assessmentGuidance", unit.assessmentGuidance());
        draft.put("commonMistakes", unit.commonMistakes());
        draft.put("keyConcepts", unit.keyConcepts());
        draft.put("priorKnowledge", unit.priorKnowledge());
        HttpResponse<String> response = Http.postJson(contentUrl + "/api/units/" + unit.code() + "/versions", JSON.writeValueAsString(draft));
        assertThat(response.statusCode()).as("authoring while Kafka is down: %s", response.body()).isEqualTo(201);
        return title;
    }

}
