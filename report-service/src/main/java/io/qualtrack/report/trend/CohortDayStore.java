package io.qualtrack.report.trend;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.report.trend.ContributionChange.DayWrite;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily snapshots behind a cohort's trend: one document per cohort and day ({@code cohort_days},
 * {@code _id} = {@code centre|cohort|yyyy-mm-dd}) holding each enrolment's figures for that day under
 * its own key. Each enrolment's entries are set or removed, never incremented, so a write repeated
 * after a failure changes nothing; a trend reads one cohort's documents by {@code _id} range.
 */
@Component
public class CohortDayStore {

    private final MongoCollection<Document> days;

    public CohortDayStore(MongoTemplate mongo) {
        this.days = mongo.getCollection("cohort_days");
    }

    public void write(List<ContributionChange> changes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ContributionChange change : changes) {
            for (DayWrite write : change.writes()) {
                writes.add(update(write));
            }
        }
        if (!writes.isEmpty()) {
            days.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    public List<CohortDay> days(String centreId, String cohortId) {
        String prefix = prefix(centreId, cohortId);
        List<CohortDay> result = new ArrayList<>();
        days.find(Filters.and(Filters.gte("_id", prefix), Filters.lt("_id", prefix + "\uffff"))).forEach(doc -> {
            Document started = doc.get("started", new Document());
            Document points = doc.get("points", new Document());
            double pointsMet = points.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
            result.add(new CohortDay(LocalDate.parse(doc.getString("day")), started.size(), pointsMet));
        });
        return result;
    }

    private static UpdateOneModel<Document> update(DayWrite write) {
        String key = fieldKey(write.enrolmentId());
        String id = prefix(write.centreId(), write.cohortId()) + write.day();
        var figures = write.figures();
        if (figures == null) {
            return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.unset("started." + key), Updates.unset("points." + key)));
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.setOnInsert("centreId", write.centreId()),
                Updates.setOnInsert("cohortId", write.cohortId()), Updates.setOnInsert("day", write.day().toString())));
        updates.add(figures.started() ? Updates.set("started." + key, true) : Updates.unset("started." + key));
        updates.add(figures.pointsMet() > 0 ? Updates.set("points." + key, figures.pointsMet()) : Updates.unset("points." + key));
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    private static String prefix(String centreId, String cohortId) {
        return centreId + "|" + cohortId + "|";
    }

    /** An enrolment id as a field name: '.' and '$' would be read as a path or an operator. */
    static String fieldKey(String enrolmentId) {
        return enrolmentId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
