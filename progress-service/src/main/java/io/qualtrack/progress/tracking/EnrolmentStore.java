package io.qualtrack.progress.tracking;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgress;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
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
 * Enrolments in MongoDB, one document each: the distinct events applied (as JSON text, written once
 * and carried over unchanged) and the computed progress. Writes are guarded by the revision read
 * (optimistic concurrency) and sent as one unordered bulk write per batch; nothing needs a
 * multi-document transaction.
 */
@Component
public class EnrolmentStore {

    private final MongoCollection<Document> enrolments;
    private final JsonMapper json;
    private final RecentEnrolments recent;

    public EnrolmentStore(MongoTemplate mongo, JsonMapper json,
                          @Value("${qualtrack.progress.recent-enrolments:10000}") int recentEnrolments) {
        this.enrolments = mongo.getCollection("enrolments");
        this.json = json;
        this.recent = new RecentEnrolments(recentEnrolments);
        // Revision-guarded writes filter on {_id, revision}. MongoDB serves that from the _id index alone;
        // the in-memory stand-in only uses an index whose keys equal the filter's, so give it one.
        enrolments.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true).name("id_revision"));
        enrolments.createIndex(Indexes.ascending("learnerId"), new IndexOptions().name("learner"));
    }

    /** The enrolment with its new progress, to be stored at {@code revision}. */
    public record Update(StoredEnrolment enrolment, EnrolmentProgress progress, long revision, Instant at) {
    }

    /** An enrolment's progress as stored at a revision. */
    public record Snapshot(EnrolmentId id, long revision, EnrolmentProgress progress, Instant updatedAt) {
    }

    /**
     * The enrolments as stored, those this instance wrote recently from memory. A remembered one may be
     * stale if another instance wrote it since; the revision guard on {@link #save} then reports a
     * conflict, the caller forgets it with {@link #forget} and loads again.
     */
    public Map<EnrolmentId, StoredEnrolment> load(Collection<EnrolmentId> ids) {
        Map<EnrolmentId, StoredEnrolment> found = new HashMap<>();
        List<EnrolmentId> missing = new ArrayList<>();
        for (EnrolmentId id : ids) {
            recent.get(id).ifPresentOrElse(known -> found.put(id, known.toStoredEnrolment()), () -> missing.add(id));
        }
        if (missing.isEmpty()) {
            return found;
        }
        for (Document doc : enrolments.find(byIds(missing)).projection(new Document("progress", 0))) {
            EnrolmentId id = idOf(doc);
            List<String> stored = doc.getList("events", String.class);
            List<LearnerActivityEvent> events = stored.stream().map(text -> json.readValue(text, LearnerActivityEvent.class)).toList();
            found.put(id, new StoredEnrolment(id, doc.getLong("revision"), events, stored));
        }
        return found;
    }

    public void forget(Collection<EnrolmentId> ids) {
        ids.forEach(recent::forget);
    }

    /** Writes every update in one unordered bulk write; returns the ids someone else changed first. */
    public Set<EnrolmentId> save(List<Update> updates) {
        if (updates.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<RecentEnrolments.Known> written = new ArrayList<>();
        for (Update update : updates) {
            StoredEnrolment enrolment = update.enrolment();
            List<String> eventJson = new ArrayList<>(enrolment.storedJson());
            enrolment.added().forEach(event -> eventJson.add(json.writeValueAsString(event)));
            // a plain {_id, revision} document rather than Filters.and, which renders as $and and hides the index
            writes.add(new ReplaceOneModel<>(
                    new Document("_id", enrolment.id().value()).append("revision", enrolment.revision()),
                    toDocument(update, eventJson), new ReplaceOptions().upsert(true)));
            written.add(new RecentEnrolments.Known(enrolment.id(), update.revision(), enrolment.events(), eventJson));
        }
        Set<EnrolmentId> conflicts = new HashSet<>();
        try {
            enrolments.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    forget(updates.stream().map(u -> u.enrolment().id()).toList());
                    throw e;
                }
                conflicts.add(updates.get(error.getIndex()).enrolment().id());
            }
        } catch (RuntimeException e) {
            forget(updates.stream().map(u -> u.enrolment().id()).toList());
            throw e;
        }
        written.forEach(known -> {
            if (conflicts.contains(known.id())) {
                recent.forget(known.id());
            } else {
                recent.remember(known);
            }
        });
        return conflicts;
    }

    private Document toDocument(Update update, List<String> events) {
        StoredEnrolment enrolment = update.enrolment();
        return new Document("_id", enrolment.id().value())
                .append("learnerId", enrolment.id().learnerId())
                .append("qualificationCode", enrolment.id().qualificationCode())
                .append("centreId", enrolment.id().centreId())
                .append("cohortId", update.progress().cohortId())
                .append("revision", update.revision())
                .append("updatedAt", Date.from(update.at()))
                .append("events", events)
                .append("progress", json.writeValueAsString(update.progress()));
    }

    public List<Snapshot> snapshots(Collection<EnrolmentId> ids) {
        return find(byIds(ids));
    }

    public List<Snapshot> ofLearner(String learnerId) {
        return find(Filters.eq("learnerId", learnerId));
    }

    /** Up to {@code limit} enrolments' snapshots in id order, from the first id after {@code afterId} (all when null). */
    public List<Snapshot> snapshotsAfter(@Nullable String afterId, int limit) {
        return find(afterId == null ? new Document() : Filters.gt("_id", afterId), limit);
    }

    private List<Snapshot> find(Bson filter) {
        return find(filter, 0);
    }

    private List<Snapshot> find(Bson filter, int limit) {
        List<Snapshot> snapshots = new ArrayList<>();
        enrolments.find(filter).projection(new Document("events", 0)).sort(new Document("_id", 1)).limit(limit)
                .forEach(doc -> snapshots.add(new Snapshot(
                        idOf(doc),
                        doc.getLong("revision"), json.readValue(doc.getString("progress"), EnrolmentProgress.class),
                        doc.getDate("updatedAt").toInstant())));
        return snapshots;
    }

    static EnrolmentId idOf(Document doc) {
        return new EnrolmentId(doc.getString("centreId"), doc.getString("learnerId"), doc.getString("qualificationCode"));
    }

    private static Bson byIds(Collection<EnrolmentId> ids) {
        return Filters.in("_id", ids.stream().map(EnrolmentId::value).toList());
    }
}
