package io.qualtrack.report.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.contract.values.Identifiers;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The enrolment views and snapshots as stored before enrolments were keyed by centre, moved aside, read back a page at
 * a time in {@code _id} order as the snapshots they were built from. A view's full snapshot is in the snapshots
 * collection, or, for a view stored before snapshots had a collection of their own, in the view itself.
 */
final class OldEnrolments {

    /**
     * @param snapshots  each kept snapshot at its own revision, as the event that would have carried it
     * @param unusable   views with no readable snapshot, or one whose identifiers are no longer valid (they hold a {@code |})
     * @param lastId     where the next page starts
     */
    record Page(List<EnrolmentProgressChanged> snapshots, List<Document> unusable, @Nullable String lastId) {

        boolean isEmpty() {
            return lastId == null;
        }
    }

    private final MongoCollection<Document> views;
    private final MongoCollection<Document> snapshots;
    private final JsonMapper json;

    OldEnrolments(MongoCollection<Document> views, MongoCollection<Document> snapshots, JsonMapper json) {
        this.views = views;
        this.snapshots = snapshots;
        this.json = json;
    }

    Page after(@Nullable String lastId, int size) {
        List<Document> page = new ArrayList<>();
        views.find(lastId == null ? new Document() : Filters.gt("_id", lastId)).sort(new Document("_id", 1)).limit(size).into(page);
        if (page.isEmpty()) {
            return new Page(List.of(), List.of(), null);
        }
        Map<String, Document> stored = new HashMap<>();
        snapshots.find(Filters.in("_id", page.stream().map(view -> view.getString("_id")).toList()))
                .forEach(doc -> stored.put(doc.getString("_id"), doc));
        List<EnrolmentProgressChanged> changes = new ArrayList<>();
        List<Document> unusable = new ArrayList<>();
        for (Document view : page) {
            Document source = stored.getOrDefault(view.getString("_id"), view);
            EnrolmentProgressChanged change = change(source);
            if (change == null) {
                unusable.add(view);
            } else {
                changes.add(change);
            }
        }
        return new Page(changes, unusable, page.getLast().getString("_id"));
    }

    private @Nullable EnrolmentProgressChanged change(Document source) {
        String snapshot = source.getString("snapshot");
        Number revision = source.get("revision", Number.class);
        if (snapshot == null || revision == null) {
            return null;
        }
        EnrolmentProgress progress;
        try {
            progress = json.readValue(snapshot, EnrolmentProgress.class);
        } catch (JacksonException e) {
            return null;
        }
        if (!Stream.of(progress.centreId(), progress.learnerId(), progress.qualificationCode(), progress.cohortId())
                .allMatch(Identifiers::isValid)) {
            return null;
        }
        // the same id every time the same revision is migrated: applying it again is a duplicate
        UUID eventId = UUID.nameUUIDFromBytes(("migrated " + source.getString("_id") + " " + revision)
                .getBytes(StandardCharsets.UTF_8));
        return new EnrolmentProgressChanged(eventId, progress.lastActivityAt(), ProgressEvent.SCHEMA_VERSION,
                progress.learnerId(), progress.qualificationCode(), revision.longValue(), progress);
    }
}
