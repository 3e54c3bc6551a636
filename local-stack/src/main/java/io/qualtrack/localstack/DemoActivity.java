package io.qualtrack.localstack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One activity event of the demo, shaped as {@code POST /api/activities} takes it (see the README's
 * "Event contracts"). Kept separate from the contract module on purpose: the demo talks to the
 * services through their public HTTP APIs only.
 */
sealed interface DemoActivity {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    String learnerId();

    String centreId();

    String qualificationCode();

    /** The JSON object for the ingest API. */
    default Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", getClass().getSimpleName());
        json.put("eventId", eventId().toString());
        json.put("occurredAt", occurredAt().toString());
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("learnerId", learnerId());
        json.put("centreId", centreId());
        json.put("qualificationCode", qualificationCode());
        json.putAll(details());
        return json;
    }

    Map<String, Object> details();

    /** Activity about one unit version. */
    sealed interface OnUnit extends DemoActivity {
        String unitCode();

        int unitVersion();

        List<String> criterionCodes();
    }

    record LearnerEnrolled(UUID eventId, Instant occurredAt, String learnerId, String centreId, String qualificationCode,
                           String cohortId, LocalDate startDate, LocalDate plannedEndDate) implements DemoActivity {
        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cohortId", cohortId);
            details.put("startDate", startDate.toString());
            details.put("plannedEndDate", plannedEndDate.toString());
            return details;
        }
    }

    record EvidenceSubmitted(UUID eventId, Instant occurredAt, String learnerId, String centreId, String qualificationCode,
                             String unitCode, int unitVersion, String evidenceRef,
                             List<String> criterionCodes) implements OnUnit {
        public EvidenceSubmitted {
            criterionCodes = List.copyOf(criterionCodes);
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("unitCode", unitCode);
            details.put("unitVersion", unitVersion);
            details.put("evidenceRef", evidenceRef);
            details.put("criterionCodes", criterionCodes);
            return details;
        }
    }

    record CriterionAssessed(UUID eventId, Instant occurredAt, String learnerId, String centreId, String qualificationCode,
                             String unitCode, int unitVersion, String criterionCode, boolean met, String assessorId,
                             String evidenceRef) implements OnUnit {
        @Override
        public List<String> criterionCodes() {
            return List.of(criterionCode);
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("unitCode", unitCode);
            details.put("unitVersion", unitVersion);
            details.put("criterionCode", criterionCode);
            details.put("outcome", met ? "MET" : "NOT_YET_MET");
            details.put("assessorId", assessorId);
            details.put("evidenceRef", evidenceRef);
            return details;
        }
    }

    record CriterionVerified(UUID eventId, Instant occurredAt, String learnerId, String centreId, String qualificationCode,
                             String unitCode, int unitVersion, String criterionCode,
                             String verifierId) implements OnUnit {
        @Override
        public List<String> criterionCodes() {
            return List.of(criterionCode);
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("unitCode", unitCode);
            details.put("unitVersion", unitVersion);
            details.put("criterionCode", criterionCode);
            details.put("verifierId", verifierId);
            return details;
        }
    }

    record LearnerWithdrawn(UUID eventId, Instant occurredAt, String learnerId, String centreId, String qualificationCode,
                            String reason) implements DemoActivity {
        @Override
        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }
}
