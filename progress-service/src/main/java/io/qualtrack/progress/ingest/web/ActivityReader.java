package io.qualtrack.progress.ingest.web;

import io.qualtrack.contract.activity.ActivityRecords;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.ingest.ActivityShape;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the items of a submission one by one, so one bad item does not sink the others. A missing
 * {@code eventId} is assigned (send your own to make retries safe), a missing {@code occurredAt} is
 * the time of receipt and a missing {@code schemaVersion} is the current one. An item is valid when it has the
 * activity's shape and fits in a record of the activity topic as the consumer takes it.
 */
final class ActivityReader {

    record Item(int index, LearnerActivityEvent event) {
    }

    record InvalidItem(int index, List<String> problems) {
    }

    record Result(List<Item> valid, List<InvalidItem> invalid) {
    }

    private ActivityReader() {
    }

    static Result read(List<JsonNode> items, Instant receivedAt, JsonMapper json) {
        List<Item> valid = new ArrayList<>();
        List<InvalidItem> invalid = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            JsonNode node = items.get(index);
            if (!(node instanceof ObjectNode object)) {
                invalid.add(new InvalidItem(index, List.of("an activity must be a JSON object")));
                continue;
            }
            if (!object.hasNonNull("type")) {
                invalid.add(new InvalidItem(index, List.of("type is required (LearnerEnrolled, EvidenceSubmitted, "
                        + "CriterionAssessed, CriterionVerified or LearnerWithdrawn)")));
                continue;
            }
            ObjectNode withDefaults = object.deepCopy();
            if (!withDefaults.hasNonNull("eventId")) {
                withDefaults.put("eventId", UUID.randomUUID().toString());
            }
            if (!withDefaults.hasNonNull("occurredAt")) {
                withDefaults.put("occurredAt", receivedAt.toString());
            }
            if (!withDefaults.hasNonNull("schemaVersion")) {
                withDefaults.put("schemaVersion", LearnerActivityEvent.SCHEMA_VERSION);
            }
            try {
                LearnerActivityEvent event = json.treeToValue(withDefaults, LearnerActivityEvent.class);
                List<String> problems = new ArrayList<>(ActivityShape.problems(event));
                if (problems.isEmpty()) {
                    int recordBytes = json.writerFor(LearnerActivityEvent.class).writeValueAsBytes(event).length;
                    if (recordBytes > ActivityRecords.MAX_RECORD_BYTES) {
                        problems.add("the activity is " + recordBytes + " bytes as a record, over the limit of "
                                + ActivityRecords.MAX_RECORD_BYTES + " bytes a record on the activity topic may have");
                    }
                }
                if (problems.isEmpty()) {
                    valid.add(new Item(index, event));
                } else {
                    invalid.add(new InvalidItem(index, problems));
                }
            } catch (JacksonException e) {
                invalid.add(new InvalidItem(index, List.of(readable(e))));
            }
        }
        return new Result(valid, invalid);
    }

    /** In the caller's terms: the field and what is wrong with it, never a Java type or exception name. */
    private static String readable(JacksonException e) {
        if (e instanceof InvalidTypeIdException unknownType) {
            return "unknown type '" + unknownType.getTypeId() + "' (expected LearnerEnrolled, EvidenceSubmitted, "
                    + "CriterionAssessed, CriterionVerified or LearnerWithdrawn)";
        }
        String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                .filter(java.util.Objects::nonNull).reduce((a, b) -> a + "." + b).orElse("the activity");
        if (e instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? " (expected one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) + ")" : "";
            return field + ": invalid value '" + invalid.getValue() + "'" + allowed;
        }
        return field + ": missing, empty or of the wrong kind";
    }
}
