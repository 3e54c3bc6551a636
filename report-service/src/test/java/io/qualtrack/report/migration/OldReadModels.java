package io.qualtrack.report.migration;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Read models as report-service stored them while an enrolment was {@code learner|qualification}: written by that code
 * (main at 9919512) from snapshots of two centres (one learner moved cohort, one withdrew, one holds a '.' in their id,
 * one has two qualifications), dumped as extended JSON. One view is turned into the oldest shape, its snapshot inside
 * the view, as stored before snapshots had a collection of their own.
 */
final class OldReadModels {

    static final List<String> COLLECTIONS = List.of("enrolment_views", "enrolment_snapshots", "cohorts", "learners", "cohort_days");
    static final String EMBEDDED = "W-1|Q1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OldReadModels() {
    }

    static Document fixture() {
        try (InputStream in = OldReadModels.class.getResourceAsStream("/migration/read-models-keyed-by-learner.json")) {
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(MongoTemplate mongo) {
        Document fixture = fixture();
        COLLECTIONS.forEach(name -> mongo.getCollection(name).insertMany(fixture.getList(name, Document.class)));
        Document snapshot = mongo.getCollection("enrolment_snapshots").findOneAndDelete(Filters.eq("_id", EMBEDDED));
        mongo.getCollection("enrolment_views").updateOne(Filters.eq("_id", EMBEDDED), Updates.set("snapshot", snapshot.getString("snapshot")));
    }

    /** The snapshots the fixture was built from: the newest of each enrolment, at its revision. */
    static List<EnrolmentProgressChanged> snapshots() {
        return fixture().getList("enrolment_snapshots", Document.class).stream().map(doc -> {
            EnrolmentProgress progress = JSON.readValue(doc.getString("snapshot"), EnrolmentProgress.class);
            return new EnrolmentProgressChanged(UUID.randomUUID(), progress.lastActivityAt(), 1, progress.learnerId(),
                    progress.qualificationCode(), doc.getLong("revision"), progress);
        }).toList();
    }
}
