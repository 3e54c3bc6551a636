package io.qualtrack.contract;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitDefinition.CriterionDefinition;
import io.qualtrack.contract.content.UnitDefinition.LearningOutcomeDefinition;
import io.qualtrack.contract.content.UnitVersionPublished;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant AT = Instant.parse("2026-09-01T09:30:00Z");
    static final UUID ID = UUID.fromString("0b7f3c1e-4a51-4c39-9a47-3d2f0d3b9a10");

    static Stream<LearnerActivityEvent> activityEvents() {
        return Stream.of(
                new LearnerEnrolled(ID, AT, 1, "L-1001", "C-NORTH", "SELM7-DIP-SM", "2026-SEP",
                        LocalDate.parse("2026-09-01"), LocalDate.parse("2027-07-31")),
                new EvidenceSubmitted(ID, AT, 1, "L-1001", "C-NORTH", "SELM7-DIP-SM", "SELM7-01", 1,
                        "portfolio/strategic-plan.pdf", List.of("2.1", "3.1")),
                new CriterionAssessed(ID, AT, 1, "L-1001", "C-NORTH", "SELM7-DIP-SM", "SELM7-01", 1, "2.1",
                        AssessmentOutcome.MET, "assessor-7", "portfolio/strategic-plan.pdf"),
                new CriterionVerified(ID, AT, 1, "L-1001", "C-NORTH", "SELM7-DIP-SM", "SELM7-01", 1, "2.1", "iqa-2"),
                new LearnerWithdrawn(ID, AT, 1, "L-1001", "C-NORTH", "SELM7-DIP-SM", "moved school"));
    }

    static Stream<ContentEvent> contentEvents() {
        var unit = new UnitDefinition("SELM7-01", 2, "Leading the School Strategically", "Strategic leadership.",
                List.of(new LearningOutcomeDefinition("LO1", "Understand strategic leadership",
                        List.of(new CriterionDefinition("1.1", "Distinguish leadership from management")))),
                List.of("Link theory to practice"), List.of("Confusing operations with strategy"),
                List.of("Distributed leadership"), List.of("Ofsted frameworks"));
        return Stream.of(
                new UnitVersionPublished(ID, AT, 1, unit),
                new QualificationPublished(ID, AT, 1, new QualificationDefinition("SELM7-CERT", 1,
                        "ATHE Level 7 Certificate in Strategic Educational Leadership and Management", 7,
                        List.of("SELM7-04"))));
    }

    @ParameterizedTest
    @MethodSource("activityEvents")
    void activityEventsSurviveTheWireAsTheirOwnType(LearnerActivityEvent event) {
        String json = JSON.writeValueAsString(event);

        assertThat(JSON.readValue(json, LearnerActivityEvent.class)).isEqualTo(event);
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("type").asString()).isEqualTo(event.getClass().getSimpleName());
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-09-01T09:30:00Z");
        assertThat(tree.has("key")).as("the key is derived, not sent").isFalse();
    }

    @ParameterizedTest
    @MethodSource("contentEvents")
    void contentEventsSurviveTheWireAsTheirOwnType(ContentEvent event) {
        String json = JSON.writeValueAsString(event);

        assertThat(JSON.readValue(json, ContentEvent.class)).isEqualTo(event);
        assertThat(JSON.readTree(json).get("type").asString()).isEqualTo(event.getClass().getSimpleName());
    }

    @Test
    void aCriterionPublishedBeforeEvidenceWasCountedCountsTheReferencesItCarries() {
        var criterion = JSON.readValue("""
                {"code":"1.1","text":"Distinguish","status":"EVIDENCE_SUBMITTED","evidenceRefs":["a.pdf","b.pdf"]}""",
                io.qualtrack.contract.progress.CriterionProgress.class);

        assertThat(criterion.evidenceCount()).isEqualTo(2);
        assertThat(JSON.readTree(JSON.writeValueAsString(criterion)).get("evidenceCount").asInt()).isEqualTo(2);
    }

    @Test
    void datesOfAnEnrolmentAreIsoDates() {
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(activityEvents().findFirst().orElseThrow()));

        assertThat(tree.get("startDate").asString()).isEqualTo("2026-09-01");
        assertThat(tree.get("plannedEndDate").asString()).isEqualTo("2027-07-31");
    }

    @Test
    void keysKeepUnitsAndQualificationsApartOnTheCompactedTopic() {
        assertThat(contentEvents().map(ContentEvent::key))
                .containsExactly("unit/SELM7-01@2", "qualification/SELM7-CERT");
        assertThat(activityEvents().map(LearnerActivityEvent::key)).containsOnly("L-1001");
    }
}
