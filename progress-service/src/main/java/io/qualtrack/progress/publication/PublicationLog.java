package io.qualtrack.progress.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Which enrolments are being written and not yet published. A batch opens an entry before it writes
 * its enrolments and closes it once their snapshots are acknowledged, so a crash in between leaves an
 * entry behind, and the sweeper publishes those enrolments' current snapshots. One small insert and
 * one delete per batch, instead of a flag on every enrolment document.
 */
@Component
public class PublicationLog {

    private final MongoCollection<Document> entries;

    public PublicationLog(MongoTemplate mongo) {
        this.entries = mongo.getCollection("publication_log");
    }

    public record Entry(String id, List<EnrolmentId> enrolments, Instant openedAt) {
    }

    public String open(Collection<EnrolmentId> enrolments, Instant at) {
        String id = new ObjectId().toHexString();
        entries.insertOne(new Document("_id", id).append("openedAt", Date.from(at))
                .append("enrolments", enrolments.stream().map(PublicationLog::toDocument).toList()));
        return id;
    }

    public void close(Collection<String> ids) {
        if (!ids.isEmpty()) {
            entries.deleteMany(Filters.in("_id", ids));
        }
    }

    /** Entries left open since before {@code before}: their batch died between writing and publishing. */
    public List<Entry> openSince(Instant before, int limit) {
        List<Entry> found = new ArrayList<>();
        entries.find(Filters.lt("openedAt", Date.from(before))).sort(Sorts.ascending("openedAt")).limit(limit)
                .forEach(doc -> found.add(new Entry(doc.getString("_id"), doc.getList("enrolments", Document.class).stream()
                        .map(PublicationLog::enrolmentId).toList(), doc.getDate("openedAt").toInstant())));
        return found;
    }

    public static Document toDocument(EnrolmentId id) {
        return new Document("centreId", id.centreId()).append("learnerId", id.learnerId()).append("qualificationCode", id.qualificationCode());
    }

    private static EnrolmentId enrolmentId(Document doc) {
        return new EnrolmentId(doc.getString("centreId"), doc.getString("learnerId"), doc.getString("qualificationCode"));
    }
}
