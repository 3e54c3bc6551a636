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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One update per cohort day touched, whatever the number of enrolments that changed on it. */
    public void write(List<ContributionChange> changes) {
        Map<String, List<DayWrite>> byDocument = new LinkedHashMap<>();
        for (ContributionChange change : changes) {
            for (DayWrite write : change.writes()) {
                byDocument.computeIfAbsent(documentId(write), k -> new ArrayList<>()).add(write);
            }
        }
        if (!byDocument.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            byDocument.forEach((id, dayWrites) -> writes.add(update(id, dayWrites)));
            days.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The days some enrolment of the cohort contributes to. */
    public List<CohortDay> days(String centreId, String cohortId) {
        String prefix = prefix(centreId, cohortId);
        List<CohortDay> result = new ArrayList<>();
        days.find(Filters.and(Filters.gte("_id", prefix), Filters.lt("_id", prefix + "\uffff"))).forEach(doc -> {
            Document started = doc.get("started", new Document());
            Document points = doc.get("points", new Document());
            if (started.isEmpty() && points.isEmpty()) {
                return; // every enrolment that counted on this day has since moved its figures to another
            }
            double pointsMet = points.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
            result.add(new CohortDay(LocalDate.parse(doc.getString("day")), started.size(), pointsMet));
        });
        return result;
    }

    /** Each enrolment's own keys only (a batch holds one change per enrolment), so the combined update has no conflicting paths. */
    private static UpdateOneModel<Document> update(String id, List<DayWrite> dayWrites) {
        DayWrite first = dayWrites.getFirst();
        List<Bson> updates = new ArrayList<>(List.of(Updates.setOnInsert("centreId", first.centreId()),
                Updates.setOnInsert("cohortId", first.cohortId()), Updates.setOnInsert("day", first.day().toString())));
        boolean anySet = false;
        for (DayWrite write : dayWrites) {
            String key = fieldKey(write.enrolmentId());
            var figures = write.figures();
            boolean started = figures != null && figures.started();
            boolean points = figures != null && figures.pointsMet() > 0;
            updates.add(started ? Updates.set("started." + key, true) : Updates.unset("started." + key));
            updates.add(points ? Updates.set("points." + key, figures.pointsMet()) : Updates.unset("points." + key));
            anySet |= figures != null;
        }
        // only removals: no document to create
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(anySet));
    }

    private static String documentId(DayWrite write) {
        return prefix(write.centreId(), write.cohortId()) + write.day();
    }

    private static String prefix(String centreId, String cohortId) {
        return centreId + "|" + cohortId + "|";
    }

    /** An enrolment id as a field name: '.' and '$' would be read as a path or an operator. */
    static String fieldKey(String enrolmentId) {
        return enrolmentId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
