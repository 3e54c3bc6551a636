package io.qualtrack.contract.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The learner submitted one piece of evidence against one or more criteria of one unit version. */
public record EvidenceSubmitted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String learnerId,
        String centreId,
        String qualificationCode,
        String unitCode,
        int unitVersion,
        String evidenceRef,
        List<String> criterionCodes) implements LearnerActivityEvent {

    public EvidenceSubmitted {
        criterionCodes = criterionCodes == null ? List.of() : List.copyOf(criterionCodes);
    }
}
