package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.ContentServiceIntegrationTest;
import io.qualtrack.contract.Topics;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UnitAuthoringTest extends ContentServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void servesTheFiveSeedUnitsWithSeventeenLearningOutcomesAndEveryCriterionMapped() {
        JsonNode units = JSON.readTree(mvc.get().uri("/api/units").exchange().getResponse().getContentAsByteArray());

        assertThat(units.size()).isEqualTo(5);
        int outcomes = 0;
        for (JsonNode unit : units) {
            for (JsonNode outcome : unit.get("learningOutcomes")) {
                outcomes++;
                assertThat(outcome.get("criteria").size()).as(unit.get("code") + " " + outcome.get("code")).isPositive();
            }
        }
        assertThat(outcomes).isEqualTo(17);
        assertThat(mvc.get().uri("/api/qualifications/SELM7-CERT")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.units[0].code", c -> c.assertThat().isEqualTo("SELM7-04"));
    }

    @Test
    void aNewVersionIsStoredBesideTheOldOneAndPublished() throws Exception {
        ObjectNode draft = currentAsDraft("SELM7-03");
        draft.withArray("criteria").addObject().put("code", "4.2").put("learningOutcome", "LO4")
                .put("text", "Evaluate the impact of assessment practice on learner progress");

        assertThat(mvc.post().uri("/api/units/SELM7-03/versions").contentType(MediaType.APPLICATION_JSON)
                .content(draft.toString())).hasStatus(201).bodyJson()
                .hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(2));

        assertThat(mvc.get().uri("/api/units/SELM7-03")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.versions", v -> v.assertThat().asList().containsExactly(1, 2));
        assertThat(mvc.get().uri("/api/units/SELM7-03/versions/1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.learningOutcomes[3].criteria.length()", n -> n.assertThat().isEqualTo(1));
        var records = TopicReader.readFromBeginning(brokers, Topics.CONTENT, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> isVersion(r.value(), "SELM7-03", 2)));
        assertThat(records.stream().filter(r -> r.key().startsWith("unit/SELM7-03@"))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anInvalidVersionIsRefusedWithProblemDetailsAndChangesNothing() throws Exception {
        ObjectNode draft = currentAsDraft("SELM7-04");
        ((ObjectNode) draft.withArray("criteria").get(0)).put("learningOutcome", "LO9");

        assertThat(mvc.post().uri("/api/units/SELM7-04/versions").contentType(MediaType.APPLICATION_JSON)
                .content(draft.toString())).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().hasPathSatisfying("$.detail", d -> d.assertThat().asString().contains("unknown learning outcome 'LO9'"));
        assertThat(mvc.post().uri("/api/units/SELM7-04/versions").contentType(MediaType.APPLICATION_JSON)
                .content("not json")).hasStatus(400);

        assertThat(mvc.get().uri("/api/units/SELM7-04")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.versions", v -> v.assertThat().asList().containsExactly(1));
    }

    @Test
    void answersUnknownCodesWith404() {
        assertThat(mvc.get().uri("/api/units/NO-SUCH-UNIT")).hasStatus(404);
        assertThat(mvc.get().uri("/api/units/SELM7-01/versions/99")).hasStatus(404);
        assertThat(mvc.get().uri("/api/qualifications/NO-SUCH")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ObjectNode currentAsDraft(String code) throws Exception {
        JsonNode unit = JSON.readTree(mvc.get().uri("/api/units/" + code).exchange().getResponse().getContentAsByteArray());
        ObjectNode draft = JSON.createObjectNode();
        draft.put("title", unit.get("title").asString()).put("summary", unit.get("summary").asString());
        var outcomes = draft.putArray("learningOutcomes");
        var criteria = draft.putArray("criteria");
        for (JsonNode lo : unit.get("learningOutcomes")) {
            outcomes.addObject().put("code", lo.get("code").asString()).put("text", lo.get("text").asString());
            for (JsonNode c : lo.get("criteria")) {
                criteria.addObject().put("code", c.get("code").asString())
                        .put("learningOutcome", lo.get("code").asString()).put("text", c.get("text").asString());
            }
        }
        draft.set("assessmentGuidance", unit.get("assessmentGuidance"));
        return draft;
    }

    private static boolean isVersion(String json, String code, int version) {
        return JSON.readValue(json, ContentEvent.class) instanceof UnitVersionPublished published
                && published.unit().code().equals(code) && published.unit().version() == version;
    }
}
