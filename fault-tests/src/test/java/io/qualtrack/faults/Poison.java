package io.qualtrack.faults;

import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A record that must be dead-lettered, with the reason it must carry. {@code eventId} is set when the
 * record is readable enough for progress-service to name it; otherwise it is found by its payload.
 */
record Poison(String key, byte[] payload, String reason, String eventId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Kind { NOT_JSON, MISSING_FIELDS, FUTURE_SCHEMA, UNKNOWN_CRITERION, OVERSIZED }

    /** A poison of the given kind for the learner of {@code good}, an evidence event that applies. */
    static Poison of(Kind kind, EvidenceSubmitted good, int n) {
        String marker = good.learnerId() + "#" + n;
        UUID id = UUID.nameUUIDFromBytes(marker.getBytes(StandardCharsets.UTF_8));
        ObjectNode event = JSON.valueToTree(like(good, id, good.criterionCodes()));
        return switch (kind) {
            case NOT_JSON -> new Poison(good.learnerId(), ("not json at all: " + marker).getBytes(StandardCharsets.UTF_8), "MALFORMED", null);
            case MISSING_FIELDS -> {
                event.remove("learnerId");
                event.remove("evidenceRef");
                yield new Poison(good.learnerId(), bytes(event), "MALFORMED", id.toString());
            }
            case FUTURE_SCHEMA -> new Poison(good.learnerId(), bytes(event.put("schemaVersion", 99)), "UNSUPPORTED_SCHEMA", id.toString());
            case UNKNOWN_CRITERION -> new Poison(good.learnerId(), ActivityProducer.json(like(good, id, List.of("9.9"))),
                    "UNKNOWN_CRITERION", id.toString());
            case OVERSIZED -> new Poison(good.learnerId(), bytes(event.put("padding", marker + "x".repeat(70_000))), "OVERSIZED", null);
        };
    }

    private static LearnerActivityEvent like(EvidenceSubmitted good, UUID id, List<String> criteria) {
        return new EvidenceSubmitted(id, good.occurredAt(), good.schemaVersion(), good.learnerId(), good.centreId(),
                good.qualificationCode(), good.unitCode(), good.unitVersion(), "poison/" + id, criteria);
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
