package io.qualtrack.report.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.DependsOn;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Date;
import java.util.List;

/**
 * Rewrites the enrolment views and snapshots stored with JSON text in {@code row}, {@code trend} and {@code snapshot}
 * as typed documents ({@link JsonTextFields}), in place, once, while the application starts: after
 * {@link EnrolmentKeyMigration} (whose rebuild writes typed documents already) and before the Kafka listener containers
 * start. A marker document records how far each collection got; a restart resumes after the last page recorded, and a
 * page converted twice changes nothing, since a typed field is left alone.
 */
@Component
@DependsOn("enrolmentKeyMigration")
class TypedReadModelMigration implements InitializingBean {

    static final String MARKER_ID = "enrolment-read-models-typed";

    private static final Logger log = LoggerFactory.getLogger(TypedReadModelMigration.class);
    private static final int PAGE_SIZE = 500;
    private static final List<String> COLLECTIONS = List.of(JsonTextFields.VIEWS, JsonTextFields.SNAPSHOTS);

    private final MongoTemplate mongo;
    private final JsonTextFields text;
    private final int pageSize;

    @Autowired
    TypedReadModelMigration(MongoTemplate mongo, JsonMapper json) {
        this(mongo, json, PAGE_SIZE);
    }

    TypedReadModelMigration(MongoTemplate mongo, JsonMapper json, int pageSize) {
        this.mongo = mongo;
        this.text = new JsonTextFields(json);
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
        long started = System.nanoTime();
        markers().updateOne(Filters.eq("_id", MARKER_ID), Updates.combine(Updates.set("state", "CONVERTING"),
                Updates.set("at", new Date())), new UpdateOptions().upsert(true));
        COLLECTIONS.forEach(name -> convert(name, Integer.MAX_VALUE));
        finish(started);
    }

    /** Converts up to {@code pages} pages of a collection from where the last run stopped; whether it is all converted. */
    boolean convert(String name, int pages) {
        Document progress = progress(name);
        if (progress.getBoolean("done", false)) {
            return true;
        }
        MongoCollection<Document> collection = mongo.getCollection(name);
        String lastId = progress.getString("after");
        for (int i = 0; i < pages; i++) {
            JsonTextFields.Page page = text.convert(collection, lastId, pageSize);
            if (page.isEmpty()) {
                markers().updateOne(Filters.eq("_id", MARKER_ID), Updates.set(name + ".done", true), new UpdateOptions().upsert(true));
                return true;
            }
            if (!page.unreadable().isEmpty()) {
                log.warn("{} documents in {} hold text that is not JSON of their record, left as they were: {}; republish their "
                        + "snapshots from progress-service to restore them", page.unreadable().size(), name, page.unreadable());
            }
            lastId = page.lastId();
            markers().updateOne(Filters.eq("_id", MARKER_ID), Updates.combine(Updates.set(name + ".after", lastId),
                    Updates.inc(name + ".converted", page.converted()), Updates.inc(name + ".unreadable", page.unreadable().size())),
                    new UpdateOptions().upsert(true));
        }
        return collection.find(lastId == null ? new Document() : Filters.gt("_id", lastId)).limit(1).first() == null;
    }

    private void finish(long started) {
        Document views = progress(JsonTextFields.VIEWS);
        Document snapshots = progress(JsonTextFields.SNAPSHOTS);
        markers().updateOne(Filters.eq("_id", MARKER_ID), Updates.combine(Updates.set("state", "DONE"), Updates.set("at", new Date())));
        log.info("Enrolment read models stored as typed documents: {} views and {} snapshots converted from JSON text, "
                        + "{} left unreadable, in {} ms", views.getInteger("converted", 0), snapshots.getInteger("converted", 0),
                views.getInteger("unreadable", 0) + snapshots.getInteger("unreadable", 0), (System.nanoTime() - started) / 1_000_000);
    }

    private Document progress(String name) {
        Document marker = marker();
        Document progress = marker == null ? null : marker.get(name, Document.class);
        return progress == null ? new Document() : progress;
    }

    private @Nullable Document marker() {
        return markers().find(Filters.eq("_id", MARKER_ID)).first();
    }

    private MongoCollection<Document> markers() {
        return mongo.getCollection(EnrolmentKeyMigration.MARKERS);
    }
}
