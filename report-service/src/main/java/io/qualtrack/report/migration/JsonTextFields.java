package io.qualtrack.report.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.report.cohort.EnrolmentProgressDocuments;
import io.qualtrack.report.cohort.EnrolmentRow;
import io.qualtrack.report.cohort.EnrolmentRowDocuments;
import io.qualtrack.report.trend.DailyContribution;
import io.qualtrack.report.trend.DailyContributionDocuments;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The enrolment views' {@code row} and {@code trend} and the snapshots' {@code snapshot} as report-service stored them
 * until they became typed documents: JSON text of the same records. Rewrites them in place, a page at a time in
 * {@code _id} order, each document under its own id and revision; a field that is a document already is left alone, so
 * a page converted twice changes nothing.
 */
final class JsonTextFields {

    static final String VIEWS = "enrolment_views";
    static final String SNAPSHOTS = "enrolment_snapshots";

    /**
     * @param converted  documents rewritten
     * @param unreadable documents with a text field that is not JSON of its record: left as they are
     * @param lastId     where the next page starts; {@code null} when there was no page
     */
    record Page(int converted, List<String> unreadable, @Nullable String lastId) {

        boolean isEmpty() {
            return lastId == null;
        }
    }

    private final Map<String, Map<String, Function<String, Document>>> fields;

    JsonTextFields(JsonMapper json) {
        this.fields = Map.of(
                VIEWS, Map.of(
                        "row", text -> EnrolmentRowDocuments.toDocument(json.readValue(text, EnrolmentRow.class)),
                        "trend", text -> DailyContributionDocuments.toDocument(json.readValue(text, DailyContribution.class))),
                SNAPSHOTS, Map.of(
                        "snapshot", text -> EnrolmentProgressDocuments.toDocument(json.readValue(text, EnrolmentProgress.class))));
    }

    /** Converts the page of {@code collection} (views or snapshots) after {@code lastId}. */
    Page convert(MongoCollection<Document> collection, @Nullable String lastId, int size) {
        Map<String, Function<String, Document>> typed = fields.get(collection.getNamespace().getCollectionName());
        List<Document> page = new ArrayList<>();
        collection.find(lastId == null ? new Document() : Filters.gt("_id", lastId)).sort(new Document("_id", 1)).limit(size).into(page);
        if (page.isEmpty()) {
            return new Page(0, List.of(), null);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Document doc : page) {
            Document set = new Document();
            try {
                typed.forEach((field, read) -> {
                    if (doc.get(field) instanceof String text) {
                        set.append(field, read.apply(text));
                    }
                });
            } catch (JacksonException | NullPointerException e) {
                // not JSON, or JSON missing a field its record needs
                unreadable.add(doc.getString("_id"));
                continue;
            }
            if (!set.isEmpty()) {
                // at its revision: a newer one written meanwhile is typed already
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", doc.get("_id")), Filters.eq("revision", doc.get("revision"))),
                        new Document("$set", set)));
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return new Page(writes.size(), unreadable, page.getLast().getString("_id"));
    }

    /** Every page, for a caller that keeps no place: converting again is harmless. */
    int convertAll(MongoCollection<Document> collection, int size) {
        int converted = 0;
        for (Page page = convert(collection, null, size); !page.isEmpty(); page = convert(collection, page.lastId(), size)) {
            converted += page.converted();
        }
        return converted;
    }
}
