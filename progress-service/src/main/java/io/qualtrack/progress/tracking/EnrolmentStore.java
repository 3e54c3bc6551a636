package io.qualtrack.progress.tracking;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.progress.enrolment.EnrolmentId;
import io.qualtrack.replica.CatalogueView;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enrolments' state in MongoDB, one document each, bounded by the qualification's size (the events live in
 * {@link ActivityEventStore}). Writes are guarded by the revision read (optimistic concurrency) and sent as one
 * unordered bulk write per batch; nothing needs a multi-document transaction.
 */
@Component
public class EnrolmentStore {

    static final String COLLECTION = "enrolments";

    private final MongoCollection<Document> enrolments;
    private final CatalogueView catalogue;
    private final RecentEnrolments recent;

    public EnrolmentStore(MongoTemplate mongo, CatalogueView catalogue,
                          @Value("${qualtrack.progress.recent-enrolments:10000}") int recentEnrolments) {
        this.enrolments = mongo.getCollection(COLLECTION);
        this.catalogue = catalogue;
        this.recent = new RecentEnrolments(recentEnrolments);
        // Revision-guarded writes filter on {_id, revision}. MongoDB serves that from the _id index alone;
        // the in-memory stand-in only uses an index whose keys equal the filter's, so give it one.
        enrolments.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true).name("id_revision"));
        enrolments.createIndex(Indexes.ascending("learnerId"), new IndexOptions().name("learner"));
    }

    /** An enrolment's new state, to be stored at {@code revision} over {@code before}, stored at {@code revision - 1}. */
    public record Update(EnrolmentState before, EnrolmentState state, long revision, Instant at) {
    }

    /** An enrolment's state as stored at a revision. */
    public record Stored(EnrolmentState state, long revision, Instant updatedAt) {
    }

    /** An enrolment's progress as stored at a revision. */
    public record Snapshot(EnrolmentId id, long revision, EnrolmentProgress progress, Instant updatedAt) {
    }

    /**
     * The enrolments as stored, those this instance wrote recently from memory. A remembered one may be
     * stale if another instance wrote it since; the revision guard on {@link #save} then reports a
     * conflict, the caller forgets it with {@link #forget} and loads again.
     */
    public Map<EnrolmentId, Enrolment> load(Collection<EnrolmentId> ids) {
        Map<EnrolmentId, Enrolment> found = new HashMap<>();
        List<EnrolmentId> missing = new ArrayList<>();
        for (EnrolmentId id : ids) {
            recent.get(id).ifPresentOrElse(known -> found.put(id, new Enrolment(known.state(), known.revision())), () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            for (Stored stored : find(byIds(missing), 0)) {
                found.put(stored.state().id(), new Enrolment(stored.state(), stored.revision()));
            }
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
        // names this save's writes, so after a write that matched fewer than it sent, the store says which were ours
        String writeId = new ObjectId().toHexString();
        for (Update update : updates) {
            // a plain {_id, revision} document rather than Filters.and, which renders as $and and hides the index
            if (update.revision() == 1) {
                // a second first write (another instance's) fails on the _id: a conflict, as below
                writes.add(new InsertOneModel<>(EnrolmentStateDocuments.toDocument(update.state(), update.revision(), update.at())
                        .append("writeId", writeId)));
            } else {
                // a plain {_id, revision} document rather than Filters.and, which renders as $and and hides the index;
                // not an upsert: no match means someone else wrote it first
                writes.add(new UpdateOneModel<>(
                        new Document("_id", update.state().id().value()).append("revision", update.revision() - 1),
                        Updates.combine(EnrolmentStateDocuments.changes(update.before(), update.state(), update.revision(), update.at()),
                                Updates.set("writeId", writeId))));
            }
        }
        List<EnrolmentId> ids = updates.stream().map(u -> u.state().id()).toList();
        Set<EnrolmentId> conflicts = new HashSet<>();
        try {
            BulkWriteResult result = enrolments.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getMatchedCount() < updates.stream().filter(u -> u.revision() > 1).count()) {
                conflicts.addAll(notWrittenBy(writeId, updates));
            }
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                forget(ids);
                throw e;
            }
            if (e.getWriteResult().getMatchedCount() < updates.stream().filter(u -> u.revision() > 1).count()) {
                conflicts.addAll(notWrittenBy(writeId, updates));
            }
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    forget(ids);
                    throw e;
                }
                conflicts.add(ids.get(error.getIndex()));
            }
        } catch (RuntimeException e) {
            forget(ids);
            throw e;
        }
        for (Update update : updates) {
            if (conflicts.contains(update.state().id())) {
                recent.forget(update.state().id());
            } else {
                recent.remember(new RecentEnrolments.Known(update.state(), update.revision()));
            }
        }
        return conflicts;
    }

    /** The updates this save's write did not store: another instance wrote those enrolments first. */
    private Set<EnrolmentId> notWrittenBy(String writeId, List<Update> updates) {
        Map<String, EnrolmentId> updated = new HashMap<>();
        updates.stream().filter(u -> u.revision() > 1).forEach(u -> updated.put(u.state().id().value(), u.state().id()));
        Set<EnrolmentId> notOurs = new HashSet<>(updated.values());
        enrolments.find(Filters.and(Filters.in("_id", updated.keySet()), Filters.eq("writeId", writeId)))
                .projection(new Document("_id", 1)).forEach(doc -> notOurs.remove(updated.get(doc.getString("_id"))));
        return notOurs;
    }

    public List<Snapshot> snapshots(Collection<EnrolmentId> ids) {
        return snapshots(find(byIds(ids), 0));
    }

    public List<Snapshot> ofLearner(String learnerId) {
        return snapshots(find(Filters.eq("learnerId", learnerId), 0));
    }

    /** Up to {@code limit} enrolments' snapshots in id order, from the first id after {@code afterId} (all when null). */
    public List<Snapshot> snapshotsAfter(@Nullable String afterId, int limit) {
        return snapshots(find(afterId == null ? new Document() : Filters.gt("_id", afterId), limit));
    }

    /** The progress of each stored enrolment, computed from its state and the catalogue. */
    private List<Snapshot> snapshots(List<Stored> stored) {
        return stored.stream().map(s -> new Snapshot(s.state().id(), s.revision(), ProgressRules.calculate(s.state(), catalogue),
                s.updatedAt())).toList();
    }

    /** Progress of an update about to be stored: what the batch publishes once it is. */
    Snapshot snapshotOf(Update update) {
        return new Snapshot(update.state().id(), update.revision(), ProgressRules.calculate(update.state(), catalogue), update.at());
    }

    private List<Stored> find(Bson filter, int limit) {
        List<Stored> found = new ArrayList<>();
        enrolments.find(filter).sort(new Document("_id", 1)).limit(limit).forEach(doc -> found.add(new Stored(
                EnrolmentStateDocuments.fromDocument(doc), doc.getLong("revision"), doc.getDate("updatedAt").toInstant())));
        return found;
    }

    private static Bson byIds(Collection<EnrolmentId> ids) {
        return Filters.in("_id", ids.stream().map(EnrolmentId::value).toList());
    }
}
