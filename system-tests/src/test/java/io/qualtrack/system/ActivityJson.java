package io.qualtrack.system;

import java.time.Instant;
import java.util.UUID;

/** Learner activity as a producer posts it to progress-service ({@code POST /api/activities}), on the SELM7 certificate. */
final class ActivityJson {

    private ActivityJson() {
    }

    /** One activity event of {@code type} for the learner at the centre, now, with {@code extra} fields (",\"name\":…"). */
    static String event(String type, String centre, String learner, String extra) {
        return """
                {"type":"%s","eventId":"%s","occurredAt":"%s","learnerId":"%s","centreId":"%s",
                 "qualificationCode":"SELM7-CERT"%s}""".formatted(type, UUID.randomUUID(), Instant.now(), learner, centre, extra);
    }
}
