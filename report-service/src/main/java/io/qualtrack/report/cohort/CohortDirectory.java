package io.qualtrack.report.cohort;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.progress.EnrolmentProgress;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who is in which cohort of which centre, and which enrolments a learner id has: small documents
 * updated with {@code $addToSet}, so applying the same snapshot twice is harmless and a cohort view
 * reads its members by id instead of scanning every enrolment. Members and enrolments are {@link EnrolmentKey}s;
 * a learner id's enrolments may be at several centres, and there they are different people's.
 */
@Component
public class CohortDirectory {

    private final MongoCollection<Document> cohorts;
    private final MongoCollection<Document> learners;

    public CohortDirectory(MongoTemplate mongo) {
        this.cohorts = mongo.getCollection("cohorts");
        this.learners = mongo.getCollection("learners");
    }

    public record Cohort(String centreId, String cohortId, List<String> members) {
    }

    public void join(List<EnrolmentProgress> enrolments) {
        if (enrolments.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> cohortWrites = new ArrayList<>();
        List<WriteModel<Document>> learnerWrites = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (EnrolmentProgress e : enrolments) {
            String enrolment = EnrolmentKey.of(e).value();
            cohortWrites.add(new UpdateOneModel<>(Filters.eq("_id", cohortKey(e.centreId(), e.cohortId())), Updates.combine(
                    Updates.setOnInsert("centreId", e.centreId()), Updates.setOnInsert("cohortId", e.cohortId()),
                    Updates.addToSet("members", enrolment)), upsert));
            learnerWrites.add(new UpdateOneModel<>(Filters.eq("_id", e.learnerId()),
                    Updates.addToSet("enrolments", enrolment), upsert));
        }
        cohorts.bulkWrite(cohortWrites, new BulkWriteOptions().ordered(false));
        learners.bulkWrite(learnerWrites, new BulkWriteOptions().ordered(false));
    }

    /** Every cohort, by centre. */
    public TreeMap<String, List<Cohort>> byCentre() {
        TreeMap<String, List<Cohort>> centres = new TreeMap<>();
        cohorts.find().sort(new Document("_id", 1)).forEach(doc -> {
            Cohort cohort = cohort(doc);
            centres.computeIfAbsent(cohort.centreId(), k -> new ArrayList<>()).add(cohort);
        });
        return centres;
    }

    public List<Cohort> cohortsOf(String centreId) {
        return byCentre().getOrDefault(centreId, List.of());
    }

    public Optional<Cohort> cohort(String centreId, String cohortId) {
        return Optional.ofNullable(cohorts.find(Filters.eq("_id", cohortKey(centreId, cohortId))).first()).map(CohortDirectory::cohort);
    }

    /** The keys of the enrolments of everyone any centre calls {@code learnerId}. */
    public List<String> enrolmentsOf(String learnerId) {
        Document doc = learners.find(Filters.eq("_id", learnerId)).first();
        return doc == null ? List.of() : doc.getList("enrolments", String.class);
    }

    private static Cohort cohort(Document doc) {
        return new Cohort(doc.getString("centreId"), doc.getString("cohortId"), doc.getList("members", String.class));
    }

    private static String cohortKey(String centreId, String cohortId) {
        return centreId + "|" + cohortId;
    }
}
