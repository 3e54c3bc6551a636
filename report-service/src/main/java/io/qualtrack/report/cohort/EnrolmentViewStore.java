package io.qualtrack.report.cohort;

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
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.replica.CatalogueView;
import io.qualtrack.replica.ProgressTexts;
import io.qualtrack.report.trend.CohortDayStore;
import io.qualtrack.report.trend.ContributionChange;
import io.qualtrack.report.trend.DailyContribution;
import io.qualtrack.report.trend.DailyContributionDocuments;
import org.jspecify.annotations.Nullable;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The newest progress snapshot of every enrolment, as a compact row for cohort views
 * ({@code enrolment_views}) and the full snapshot for the learner's dashboard ({@code enrolment_snapshots}).
 * A snapshot replaces the stored one only if its revision is higher, so redelivered and out-of-order
 * snapshots never take a view backwards. The full snapshots live apart because they are ten times the
 * size of a row: a cohort view reads a hundred rows per request and never needs them. Both are keyed by
 * {@link EnrolmentKey}: the same learner id at two centres is two enrolments with their own revisions.
 * Both are read with the catalogue's words filled in from this service's replica: the progress topic carries none.
 *
 * <p>Each view also keeps the enrolment's {@link DailyContribution} to its cohort's trend. Before a
 * newer snapshot replaces a view, the cohort day documents move from the stored contribution to the
 * new one; if the view write then fails, the retry diffs from the same stored contribution again.
 */
@Component
public class EnrolmentViewStore {

    private static final int MAX_CONFLICT_ROUNDS = 20;

    private final MongoCollection<Document> views;
    private final MongoCollection<Document> snapshots;
    private final CohortDayStore days;
    private final CatalogueView catalogue;

    public EnrolmentViewStore(MongoTemplate mongo, CohortDayStore days, CatalogueView catalogue) {
        this.views = mongo.getCollection("enrolment_views");
        this.snapshots = mongo.getCollection("enrolment_snapshots");
        this.days = days;
        this.catalogue = catalogue;
        createIndexes();
    }

    /** Again after the collection was dropped or moved aside (a migration). */
    public void createIndexes() {
        // the stand-in only uses an index whose keys equal the filter's; MongoDB needs just _id
        views.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true).name("id_revision"));
    }

    /**
     * What a batch of snapshots changed: the snapshots now stored, those that were already superseded, and the
     * enrolments whose cohort membership was recorded: new ones and those that moved cohort.
     */
    public record Applied(List<EnrolmentProgressChanged> stored, int superseded, List<EnrolmentProgress> joining) {
    }

    /** For a caller that keeps no membership. */
    public Applied apply(List<EnrolmentProgressChanged> changes) {
        return apply(changes, joining -> {
        });
    }

    /**
     * Stores the newest snapshot of each enrolment in the batch. The membership of a new or moved enrolment is
     * handed to {@code recordMembership} before its view is written, so a stored view always has its membership:
     * an instance stopped in between leaves a member without a view (which readers skip, and the next delivery
     * completes), never a view no cohort or learner lists. Recorded the other way round, an instance killed after
     * storing revision 2 left a view that the next instance, applying revision 3 over it, took as joined.
     */
    public Applied apply(List<EnrolmentProgressChanged> changes, Consumer<List<EnrolmentProgress>> recordMembership) {
        Map<String, EnrolmentProgressChanged> newest = new LinkedHashMap<>();
        changes.forEach(change -> newest.merge(idOf(change), change,
                (a, b) -> b.revision() > a.revision() ? b : a));
        List<EnrolmentProgressChanged> stored = new ArrayList<>();
        List<EnrolmentProgress> joining = new ArrayList<>();
        int superseded = changes.size() - newest.size();
        for (int round = 1; !newest.isEmpty(); round++) {
            if (round > MAX_CONFLICT_ROUNDS) {
                throw new IllegalStateException("enrolment views kept changing concurrently: " + newest.keySet());
            }
            Map<String, Stored> previous = stored(newest.keySet());
            Map<String, Long> current = new HashMap<>();
            previous.forEach((id, s) -> current.put(id, s.revision()));
            List<EnrolmentProgressChanged> writes = new ArrayList<>();
            for (var entry : newest.entrySet()) {
                if (entry.getValue().revision() > current.getOrDefault(entry.getKey(), 0L)) {
                    writes.add(entry.getValue());
                } else {
                    superseded++;
                }
            }
            List<EnrolmentProgress> joiningNow = writes.stream().filter(w -> mustJoin(previous.get(idOf(w)), w))
                    .map(EnrolmentProgressChanged::progress).toList();
            recordMembership.accept(joiningNow);
            joining.addAll(joiningNow);
            days.write(writes.stream().map(w -> {
                String id = idOf(w);
                Stored before = previous.get(id);
                return new ContributionChange(id, before == null ? null : before.contribution(), DailyContribution.of(w.progress()));
            }).toList());
            Set<String> conflicts = write(writes, current);
            writes.stream().filter(w -> !conflicts.contains(idOf(w))).forEach(stored::add);
            // after the row: a retry after a failure in between finds the row at this revision and writes the snapshot again
            writeSnapshots(newest.values().stream().filter(change -> !conflicts.contains(idOf(change))
                    && change.revision() >= current.getOrDefault(idOf(change), 0L)).toList());
            newest.keySet().retainAll(conflicts);
        }
        return new Applied(stored, superseded, joining);
    }

    private static String idOf(EnrolmentProgressChanged change) {
        return EnrolmentKey.of(change).value();
    }

    private record Stored(long revision, @Nullable DailyContribution contribution) {
    }

    private static boolean mustJoin(@Nullable Stored before, EnrolmentProgressChanged change) {
        return before == null || before.contribution() == null
                || !before.contribution().centreId().equals(change.progress().centreId())
                || !before.contribution().cohortId().equals(change.progress().cohortId());
    }

    private Map<String, Stored> stored(Collection<String> ids) {
        Map<String, Stored> stored = new HashMap<>();
        views.find(Filters.in("_id", ids)).projection(new Document("revision", 1).append("trend", 1))
                .forEach(doc -> {
                    Document trend = doc.get("trend", Document.class);
                    stored.put(doc.getString("_id"), new Stored(doc.getLong("revision"),
                            trend == null ? null : DailyContributionDocuments.fromDocument(trend)));
                });
        return stored;
    }

    /** The sum of the enrolments' revisions: it grows whenever any of their views changes. */
    public long revisionTotal(Collection<String> ids) {
        long[] total = {0};
        views.find(Filters.in("_id", ids)).projection(new Document("revision", 1)).forEach(doc -> total[0] += doc.getLong("revision"));
        return total[0];
    }

    private Set<String> write(List<EnrolmentProgressChanged> changes, Map<String, Long> current) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (EnrolmentProgressChanged change : changes) {
            String id = idOf(change);
            EnrolmentProgress progress = change.progress();
            writes.add(new ReplaceOneModel<>(new Document("_id", id).append("revision", current.getOrDefault(id, 0L)),
                    new Document("_id", id)
                            .append("learnerId", progress.learnerId())
                            .append("centreId", progress.centreId())
                            .append("cohortId", progress.cohortId())
                            .append("revision", change.revision())
                            .append("row", EnrolmentRowDocuments.toDocument(EnrolmentRow.of(progress)))
                            .append("trend", DailyContributionDocuments.toDocument(DailyContribution.of(progress))),
                    new ReplaceOptions().upsert(true)));
        }
        try {
            views.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            Set<String> conflicts = new HashSet<>();
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                EnrolmentProgressChanged change = changes.get(error.getIndex());
                conflicts.add(idOf(change));
            }
            return conflicts;
        }
    }

    /**
     * The full snapshots of the changes whose rows are stored at their revision. Replaced by id, unguarded: one
     * instance handles a learner's snapshots (the progress topic is keyed by learner), in revision order.
     */
    private void writeSnapshots(List<EnrolmentProgressChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (EnrolmentProgressChanged change : changes) {
            String id = idOf(change);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id)
                    .append("revision", change.revision())
                    .append("snapshot", EnrolmentProgressDocuments.toDocument(change.progress())), new ReplaceOptions().upsert(true)));
        }
        snapshots.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    public List<EnrolmentRow> rows(Collection<String> ids) {
        List<EnrolmentRow> rows = new ArrayList<>();
        views.find(Filters.in("_id", ids)).projection(new Document("row", 1))
                .forEach(doc -> rows.add(EnrolmentRowDocuments.fromDocument(doc.get("row", Document.class)).withTitles(catalogue)));
        return rows;
    }

    /** By enrolment key, in key order. */
    public List<EnrolmentProgress> snapshots(Collection<String> ids) {
        List<EnrolmentProgress> found = new ArrayList<>();
        snapshots.find(Filters.in("_id", ids)).projection(new Document("snapshot", 1)).sort(new Document("_id", 1))
                .forEach(doc -> found.add(ProgressTexts.fill(EnrolmentProgressDocuments.fromDocument(doc.get("snapshot", Document.class)), catalogue)));
        return found;
    }
}
