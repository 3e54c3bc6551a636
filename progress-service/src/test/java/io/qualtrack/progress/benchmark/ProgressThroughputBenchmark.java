package io.qualtrack.progress.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.progress.tracking.ActivityProcessor;
import io.qualtrack.progress.tracking.Activities;
import io.qualtrack.progress.tracking.EnrolmentId;
import io.qualtrack.progress.tracking.Incoming;
import io.qualtrack.progress.tracking.ProcessorFixture;
import io.qualtrack.progress.tracking.SmallCatalogue;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the write side applies activity, against the floor of the same backend: the MongoDB
 * driver writing the same documents (same count, same sizes, same batches) with unordered bulk
 * upserts and nothing else. Prints figures and a ratio; asserts only that the work was done.
 *
 * <p>Run: {@code ./mvnw -pl progress-service -am test -Pbenchmark -Dtest=ProgressThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code learners}, {@code eventsPerLearner} and {@code batch} size the run).
 */
@Tag("benchmark")
class ProgressThroughputBenchmark {

    private static final int LEARNERS = Integer.getInteger("learners", 2000);
    private static final int EVENTS_PER_LEARNER = Integer.getInteger("eventsPerLearner", 24);
    private static final int BATCH = Integer.getInteger("batch", 500);

    /** A qualification the size of the seed diplomas: 4 units, 4 outcomes each, 2 criteria each. */
    private static SmallCatalogue catalogue() {
        SmallCatalogue catalogue = new SmallCatalogue();
        List<String> units = new ArrayList<>();
        for (int u = 1; u <= 4; u++) {
            String code = "BENCH-U" + u;
            units.add(code);
            catalogue.add(SmallCatalogue.unit(code, 1, SmallCatalogue.outcome("LO1", "1.1", "1.2"),
                    SmallCatalogue.outcome("LO2", "2.1", "2.2"), SmallCatalogue.outcome("LO3", "3.1", "3.2"),
                    SmallCatalogue.outcome("LO4", "4.1", "4.2")));
        }
        catalogue.add(new QualificationDefinition("BENCH-Q", 1, "Benchmark diploma", 7, units));
        return catalogue;
    }

    /** Per learner: enrolment, then evidence, assessments and verifications; interleaved across learners as a topic delivers them. */
    private static List<LearnerActivityEvent> workload(Random random) {
        List<List<LearnerActivityEvent>> perLearner = new ArrayList<>();
        for (int l = 0; l < LEARNERS; l++) {
            var learner = new Activities("B-" + l, "C-" + (l % 5), "BENCH-Q");
            List<LearnerActivityEvent> events = new ArrayList<>();
            events.add(learner.enrolled(0));
            for (int i = 1; events.size() < EVENTS_PER_LEARNER; i++) {
                String unit = "BENCH-U" + (1 + random.nextInt(4));
                String criterion = (1 + random.nextInt(4)) + "." + (1 + random.nextInt(2));
                events.add(switch (i % 3) {
                    case 1 -> learner.evidence(i, unit, "evidence-" + i, criterion);
                    case 2 -> learner.met(i, unit, criterion);
                    default -> learner.verified(i, unit, criterion);
                });
            }
            perLearner.add(events);
        }
        List<LearnerActivityEvent> interleaved = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_LEARNER; i++) {
            for (List<LearnerActivityEvent> events : perLearner) {
                interleaved.add(events.get(i));
            }
        }
        return interleaved;
    }

    @Test
    void applyingActivityAgainstTheRawDriverFloor() throws Exception {
        try (ProcessorFixture fixture = new ProcessorFixture(catalogue())) {
            MongoTemplate mongo = fixture.mongo;
            ActivityProcessor processor = fixture.processor;
            List<LearnerActivityEvent> events = workload(new Random(7));
            List<List<Incoming>> batches = new ArrayList<>();
            List<Integer> enrolmentsPerBatch = new ArrayList<>();
            for (int from = 0; from < events.size(); from += BATCH) {
                List<Incoming> batch = fixture.incoming(events.subList(from, Math.min(events.size(), from + BATCH)));
                batches.add(batch);
                Set<EnrolmentId> distinct = new HashSet<>();
                batch.forEach(i -> distinct.add(EnrolmentId.of(i.event())));
                enrolmentsPerBatch.add(distinct.size());
            }

            long pipelineStart = System.nanoTime();
            int applied = 0;
            for (List<Incoming> batch : batches) {
                applied += processor.process(batch).applied();
            }
            double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;

            // the floor: the same documents, the same number of writes in the same batch shapes, raw driver only
            MongoCollection<Document> stored = mongo.getCollection("enrolments");
            List<Document> documents = stored.find().into(new ArrayList<>());
            long averageBytes = documents.stream().mapToLong(d -> d.toJson().getBytes(StandardCharsets.UTF_8).length).sum()
                    / Math.max(1, documents.size());
            MongoCollection<Document> floor = mongo.getCollection("floor");
            int writes = 0;
            long floorStart = System.nanoTime();
            int next = 0;
            for (int perBatch : enrolmentsPerBatch) {
                List<WriteModel<Document>> bulk = new ArrayList<>(perBatch);
                for (int i = 0; i < perBatch; i++) {
                    Document doc = documents.get(next++ % documents.size());
                    bulk.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
                }
                floor.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
                writes += bulk.size();
            }
            double floorSeconds = (System.nanoTime() - floorStart) / 1e9;

            double pipelineRate = events.size() / pipelineSeconds;
            double floorRate = events.size() / floorSeconds;
            String report = String.join("\n",
                    "progress-service write side vs raw-driver floor (same backend, same run)",
                    String.format(Locale.ROOT, "backend           : %s", "mongo-java-server (in-memory) via MongoDB driver"),
                    String.format(Locale.ROOT, "workload          : %d learners x %d events = %d events, batches of %d",
                            LEARNERS, EVENTS_PER_LEARNER, events.size(), BATCH),
                    String.format(Locale.ROOT, "documents written : %d (avg %d bytes)", writes, averageBytes),
                    String.format(Locale.ROOT, "pipeline          : %.2f s  %,.0f events/s", pipelineSeconds, pipelineRate),
                    String.format(Locale.ROOT, "raw bulk upserts  : %.2f s  %,.0f events/s equivalent (%,.0f docs/s)",
                            floorSeconds, floorRate, writes / floorSeconds),
                    String.format(Locale.ROOT, "ratio             : %.2f of the floor", pipelineRate / floorRate));
            System.out.println(report);
            Path out = Path.of("target", "benchmark", "progress-throughput.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n");

            assertThat(applied).isEqualTo(events.size());
            assertThat(writes).isEqualTo(enrolmentsPerBatch.stream().mapToInt(Integer::intValue).sum());
        }
    }
}
