package io.qualtrack.progress.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.progress.tracking.Activities;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the write side applies activity, against the floor of the same backend, and whether that speed holds as
 * learners' histories grow: the same number of events as 24 per learner and as 200 per learner. The floor is the
 * MongoDB driver inserting one document per event, of the event's own size, in the same batches and nothing else.
 * Prints figures and ratios; asserts only that the work was done.
 *
 * <p>Run: {@code ./mvnw -pl progress-service -am test -Pbenchmark -Dtest=ProgressThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code events} and {@code batch} size the run).
 */
@Tag("benchmark")
class ProgressThroughputBenchmark {

    private static final int EVENTS = Integer.getInteger("events", 48_000);
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
    private static List<LearnerActivityEvent> workload(Random random, int eventsPerLearner) {
        List<List<LearnerActivityEvent>> perLearner = new ArrayList<>();
        for (int l = 0; l < EVENTS / eventsPerLearner; l++) {
            var learner = new Activities("B-" + l, "C-" + (l % 5), "BENCH-Q");
            List<LearnerActivityEvent> events = new ArrayList<>();
            events.add(learner.enrolled(0));
            for (int i = 1; events.size() < eventsPerLearner; i++) {
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
        for (int i = 0; i < eventsPerLearner; i++) {
            for (List<LearnerActivityEvent> events : perLearner) {
                interleaved.add(events.get(i));
            }
        }
        return interleaved;
    }

    private record Run(int eventsPerLearner, int events, double pipelineSeconds, double floorSeconds, long stateBytes) {

        double rate() {
            return events / pipelineSeconds;
        }

        double floorRate() {
            return events / floorSeconds;
        }
    }

    @Test
    void applyingActivityAgainstTheRawDriverFloorAtTwoHistoryLengths() throws Exception {
        List<Run> runs = List.of(run(24), run(200));
        List<String> lines = new ArrayList<>(List.of(
                "progress-service write side vs raw-driver floor (same backend, same run)",
                "backend: mongo-java-server (in-memory) via MongoDB driver; batches of " + BATCH,
                "floor: one insert per event of a document of the event's own size, in the same batches"));
        for (Run run : runs) {
            lines.add(String.format(Locale.ROOT, "%3d events/learner: %,d events  pipeline %.2f s %,8.0f events/s  floor %,8.0f events/s"
                            + "  ratio %.2f  avg enrolment state %,d bytes", run.eventsPerLearner(), run.events(), run.pipelineSeconds(),
                    run.rate(), run.floorRate(), run.rate() / run.floorRate(), run.stateBytes()));
        }
        lines.add(String.format(Locale.ROOT, "throughput at 200 / at 24: %.2f", runs.get(1).rate() / runs.get(0).rate()));
        String report = String.join("\n", lines);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "progress-throughput.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    private Run run(int eventsPerLearner) {
        try (ProcessorFixture fixture = new ProcessorFixture(catalogue())) {
            MongoTemplate mongo = fixture.mongo;
            List<LearnerActivityEvent> events = workload(new Random(7), eventsPerLearner);
            List<List<Incoming>> batches = new ArrayList<>();
            for (int from = 0; from < events.size(); from += BATCH) {
                batches.add(fixture.incoming(events.subList(from, Math.min(events.size(), from + BATCH))));
            }

            long pipelineStart = System.nanoTime();
            int applied = 0;
            for (List<Incoming> batch : batches) {
                applied += fixture.processor.process(batch).applied();
            }
            double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;

            MongoCollection<Document> floor = mongo.getCollection("floor");
            long floorStart = System.nanoTime();
            for (List<Incoming> batch : batches) {
                floor.insertMany(batch.stream().map(i -> Document.parse(new String(i.payload(), StandardCharsets.UTF_8))).toList(),
                        new InsertManyOptions().ordered(false));
            }
            double floorSeconds = (System.nanoTime() - floorStart) / 1e9;

            List<Document> states = mongo.getCollection("enrolments").find().into(new ArrayList<>());
            long stateBytes = states.stream().mapToLong(d -> d.toJson().getBytes(StandardCharsets.UTF_8).length).sum() / states.size();
            assertThat(applied).isEqualTo(events.size());
            assertThat(floor.countDocuments()).isEqualTo(events.size());
            return new Run(eventsPerLearner, events.size(), pipelineSeconds, floorSeconds, stateBytes);
        }
    }
}
