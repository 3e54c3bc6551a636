package io.qualtrack.report.migration;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.qualtrack.report.cohort.EnrolmentKey;
import io.qualtrack.report.cohort.EnrolmentProjection;
import io.qualtrack.report.cohort.EnrolmentViewStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Re-keys read models stored when an enrolment was its learner and qualification ({@code learner|qualification}) by
 * {@link EnrolmentKey}, once, while the application starts: as a singleton's initialisation it is over before the
 * context's lifecycle starts the Kafka listener containers, so no snapshot is applied to half-migrated read models.
 *
 * <p>The old views and snapshots are renamed aside, the new ones and everything derived from them (cohorts, learners,
 * cohort days) dropped, and every kept snapshot applied again through {@link EnrolmentProjection}, a page at a time,
 * as if it had just arrived; then the old collections are dropped. A marker document records that the rebuild began,
 * how far it got and that it finished. A restart before the rebuild began moves aside what is not yet aside and drops
 * again; a restart after resumes the rebuild at the last page recorded. Applying a snapshot a second time is a
 * duplicate under the revision guard, and trend figures are set per enrolment, never added, so nothing counts twice.
 */
@Component
class EnrolmentKeyMigration implements InitializingBean {

    static final String MARKERS = "report_migrations";
    static final String MARKER_ID = "enrolment-keys-by-centre";
    static final String VIEWS = "enrolment_views";
    static final String SNAPSHOTS = "enrolment_snapshots";
    static final String VIEWS_ASIDE = "migrating_enrolment_views";
    static final String SNAPSHOTS_ASIDE = "migrating_enrolment_snapshots";
    /** Views no snapshot could be rebuilt from: kept for a person to look at; a republish from progress-service restores them. */
    static final String UNMIGRATED = "unmigrated_enrolment_views";
    static final List<String> DERIVED = List.of("cohorts", "learners", "cohort_days");

    private static final Logger log = LoggerFactory.getLogger(EnrolmentKeyMigration.class);
    private static final int PAGE_SIZE = 500;

    private final MongoTemplate mongo;
    private final EnrolmentProjection projection;
    private final EnrolmentViewStore views;
    private final JsonMapper json;
    private final int pageSize;

    @Autowired
    EnrolmentKeyMigration(MongoTemplate mongo, EnrolmentProjection projection, EnrolmentViewStore views, JsonMapper json) {
        this(mongo, projection, views, json, PAGE_SIZE);
    }

    EnrolmentKeyMigration(MongoTemplate mongo, EnrolmentProjection projection, EnrolmentViewStore views, JsonMapper json, int pageSize) {
        this.mongo = mongo;
        this.projection = projection;
        this.views = views;
        this.json = json;
        this.pageSize = pageSize;
    }

    @Override
    public void afterPropertiesSet() {
        run();
    }

    void run() {
        Document marker = marker();
        if (marker != null && "DONE".equals(marker.getString("state"))) {
            return;
        }
        if (marker == null) {
            if (!hasOldData()) {
                markDone(new Document("enrolments", 0));
                return;
            }
            start();
        } else {
            // begun by a version that stored JSON text: the page it was applying is read back by the typed store now
            JsonTextFields text = new JsonTextFields(json);
            text.convertAll(mongo.getCollection(VIEWS), pageSize);
            text.convertAll(mongo.getCollection(SNAPSHOTS), pageSize);
        }
        long started = System.nanoTime();
        rebuild(Integer.MAX_VALUE);
        finish(started);
    }

    /** Moves the old collections aside and drops what will be rebuilt; repeated until the rebuild is recorded as begun. */
    void start() {
        moveAside(VIEWS, VIEWS_ASIDE);
        moveAside(SNAPSHOTS, SNAPSHOTS_ASIDE);
        Stream.concat(Stream.of(VIEWS, SNAPSHOTS), DERIVED.stream()).forEach(this::drop);
        views.createIndexes();
        markers().replaceOne(Filters.eq("_id", MARKER_ID), new Document("_id", MARKER_ID).append("state", "REBUILDING")
                .append("at", new Date()), new ReplaceOptions().upsert(true));
    }

    /** Applies up to {@code pages} pages from where the last run stopped; whether every page is applied. */
    boolean rebuild(int pages) {
        Document marker = marker();
        String lastId = marker == null ? null : marker.getString("resumeAfter");
        OldEnrolments old = new OldEnrolments(mongo.getCollection(VIEWS_ASIDE), mongo.getCollection(SNAPSHOTS_ASIDE), json);
        for (int i = 0; i < pages; i++) {
            OldEnrolments.Page page = old.after(lastId, pageSize);
            if (page.isEmpty()) {
                return true;
            }
            projection.apply(page.snapshots());
            keepUnusable(page.unusable());
            lastId = page.lastId();
            markers().updateOne(Filters.eq("_id", MARKER_ID), Updates.set("resumeAfter", lastId));
        }
        return old.after(lastId, 1).isEmpty();
    }

    private void finish(long started) {
        long old = mongo.getCollection(VIEWS_ASIDE).countDocuments();
        long migrated = mongo.getCollection(VIEWS).countDocuments();
        long unmigrated = mongo.getCollection(UNMIGRATED).countDocuments();
        Document counts = new Document("enrolments", migrated).append("unmigrated", unmigrated)
                .append("cohorts", mongo.getCollection("cohorts").countDocuments())
                .append("learners", mongo.getCollection("learners").countDocuments());
        drop(VIEWS_ASIDE);
        drop(SNAPSHOTS_ASIDE);
        markDone(counts);
        // after a restart mid-way the old collection may be gone already: the new one is what counts then
        log.info("Enrolment read models keyed by centre, learner and qualification: {} enrolments{} rebuilt into {} cohorts "
                        + "and {} learner ids, {} without a usable snapshot kept in {}, in {} ms",
                migrated, old > 0 ? " of " + old : "", counts.get("cohorts"), counts.get("learners"), unmigrated, UNMIGRATED,
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean hasOldData() {
        return mongo.collectionExists(VIEWS_ASIDE) || mongo.collectionExists(SNAPSHOTS_ASIDE)
                || mongo.getCollection(VIEWS).find().limit(1).first() != null
                || mongo.getCollection(SNAPSHOTS).find().limit(1).first() != null;
    }

    /** Only once: a collection already aside stays there, and the one in its old place is new (or empty). */
    private void moveAside(String name, String aside) {
        if (!mongo.collectionExists(aside) && mongo.collectionExists(name)) {
            mongo.getCollection(name).renameCollection(new MongoNamespace(mongo.getDb().getName(), aside));
        }
    }

    /** Only one that exists: MongoDB ignores the others, the stand-in logs an error for each. */
    private void drop(String name) {
        if (mongo.collectionExists(name)) {
            mongo.getCollection(name).drop();
        }
    }

    private void keepUnusable(List<Document> unusable) {
        if (unusable.isEmpty()) {
            return;
        }
        log.warn("{} enrolment views cannot be rebuilt: no readable snapshot, or an identifier no longer valid ({}); kept in {}: "
                + "republish the snapshots from progress-service to restore them", unusable.size(), unusable.stream().map(doc -> doc.getString("_id")).toList(), UNMIGRATED);
        MongoCollection<Document> kept = mongo.getCollection(UNMIGRATED);
        unusable.forEach(doc -> kept.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
    }

    private void markDone(Document counts) {
        markers().updateOne(Filters.eq("_id", MARKER_ID), Updates.combine(Updates.set("state", "DONE"),
                Updates.set("at", new Date()), Updates.set("counts", counts), Updates.unset("resumeAfter")), new UpdateOptions().upsert(true));
    }

    private @Nullable Document marker() {
        return markers().find(Filters.eq("_id", MARKER_ID)).first();
    }

    private MongoCollection<Document> markers() {
        return mongo.getCollection(MARKERS);
    }
}
