package io.qualtrack.content.catalogue;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A qualification as stored, pending publication until {@code pending} is cleared. */
@Document("qualifications")
record QualificationDocument(@Id String code, Qualification qualification, Instant storedAt,
                             String eventId, boolean pending, @Nullable Instant publishedAt) {
}
