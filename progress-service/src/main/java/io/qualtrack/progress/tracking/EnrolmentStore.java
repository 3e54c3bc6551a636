package io.qualtrack.progress.tracking;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgress;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enrolments in MongoDB, one document each, holding their distinct events and the computed progress.
 * Writes are guarded by the revision read (optimistic concurrency) and sent as one unordered bulk
 * write per batch; nothing needs a multi-document transaction.
 */
@Component
public class EnrolmentStore {

    private final MongoCollection<Document> enrolments;
    private final JsonMapper json;

    public EnrolmentStore(MongoTemplate mongo, JsonMapper json) {
        this.enrolments = mongo.getCollection("enrolments");
        this.json = json;
    }

    /** The enrolment with its new progress, to be stored at {@code revision}. */
    public record Update(StoredEnrolment enrolment, EnrolmentProgress progress, long revision, Instant at) {
    }

    public record Snapshot(EnrolmentId id, long revision, EnrolmentProgress progress, boolean publishPending, Instant updatedAt) {
    }

    public Map<EnrolmentId, StoredEnrolment> load(Collection<EnrolmentId> ids) {
        Map<EnrolmentId, StoredEnrolment> found = new HashMap<>();
        List<String> keys = ids.stream().map(EnrolmentId::value).toList();
        for (Document doc : enrolments.find(Filters.in("_id", keys)).projection(new Document("progress", 0))) {
            EnrolmentId id = new EnrolmentId(doc.getString("learnerId"), doc.getString("qualificationCode"));
            List<LearnerActivityEvent> events = doc.getList("events", String.class).stream()
                    .map(text -> json.readValue(text, LearnerActivityEvent.class)).toList();
            found.put(id, new StoredEnrolment(id, doc.getLong("revision"), events));
        }
        return found;
    }

    /** Writes every update in one unordered bulk write; returns the ids someone else changed first. */
    public Set<EnrolmentId> save(List<Update> updates) {
        if (updates.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Update update : updates) {
            StoredEnrolment enrolment = update.enrolment();
            writes.add(new ReplaceOneModel<>(
                    Filters.and(Filters.eq("_id", enrolment.id().value()), Filters.eq("revision", enrolment.revision())),
                    toDocument(update), new ReplaceOptions().upsert(true)));
        }
        try {
            enrolments.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<EnrolmentId> conflicts = new HashSet<>();
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(updates.get(error.getIndex()).enrolment().id());
            }
            return conflicts;
        }
    }

    private Document toDocument(Update update) {
        StoredEnrolment enrolment = update.enrolment();
        return new Document("_id", enrolment.id().value())
                .append("learnerId", enrolment.id().learnerId())
                .append("qualificationCode", enrolment.id().qualificationCode())
                .append("centreId", update.progress().centreId())
                .append("cohortId", update.progress().cohortId())
                .append("revision", update.revision())
                .append("publishPending", true)
                .append("updatedAt", Date.from(update.at()))
                .append("events", enrolment.events().stream().map(json::writeValueAsString).toList())
                .append("progress", Document.parse(json.writeValueAsString(update.progress())));
    }

    /** Clears the publish flag, unless a newer revision was stored meanwhile (it will be published itself). */
    public void markPublished(Collection<Snapshot> published) {
        if (published.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = published.stream().<WriteModel<Document>>map(s -> new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", s.id().value()), Filters.eq("revision", s.revision())),
                Updates.set("publishPending", false))).toList();
        enrolments.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    public List<Snapshot> pendingPublication(int limit) {
        List<Snapshot> pending = new ArrayList<>();
        enrolments.find(Filters.eq("publishPending", true)).projection(new Document("events", 0)).limit(limit)
                .forEach(doc -> pending.add(snapshot(doc)));
        return pending;
    }

    public List<Snapshot> ofLearner(String learnerId) {
        List<Snapshot> snapshots = new ArrayList<>();
        enrolments.find(Filters.eq("learnerId", learnerId)).projection(new Document("events", 0))
                .sort(new Document("_id", 1)).forEach(doc -> snapshots.add(snapshot(doc)));
        return snapshots;
    }

    public long count() {
        return enrolments.countDocuments();
    }

    private Snapshot snapshot(Document doc) {
        return new Snapshot(new EnrolmentId(doc.getString("learnerId"), doc.getString("qualificationCode")),
                doc.getLong("revision"), json.readValue(doc.get("progress", Document.class).toJson(), EnrolmentProgress.class),
                doc.getBoolean("publishPending", false), doc.getDate("updatedAt").toInstant());
    }
}
