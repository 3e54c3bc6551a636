package io.qualtrack.localstack;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids that depend only on the seed, the learner and what the event is about, so loading the
 * same demo twice sends the same ids and progress-service ignores the second copy.
 */
record DemoEventIds(long seed) {

    UUID of(String learnerId, String... what) {
        String name = "qualtrack-demo/" + seed + "/" + learnerId + "/" + String.join("/", what);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
