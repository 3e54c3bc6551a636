package io.qualtrack.content.catalogue;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A unit version as stored. The document is also its own outbox entry: {@code pending} is set in the
 * same single-document insert, so no transaction is needed to publish reliably.
 */
@Document("unit_versions")
record UnitVersionDocument(@Id String id, String code, int version, Unit unit,
                           String eventId, boolean pending, @Nullable Instant publishedAt) {

    static String idOf(String code, int version) {
        return code + "@" + version;
    }
}
