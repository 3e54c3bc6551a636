package io.qualtrack.faults;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.progress.tracking.Occurrence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A seeded event set over the catalogue: learners enrol, evidence criteria (some pieces cover two),
 * are assessed (some not yet met, then re-evidenced and met), verified; a few withdraw and some of
 * those re-enrol. Every unit of a learner's qualification gets activity in an explicit version, so
 * the expected progress never depends on which unit versions a service had received when.
 * The same catalogue and seed give the same events, ids included.
 */
final class ActivityGenerator {

    static final String CENTRE = "C-FAULTS";
    private static final Instant BASE = Instant.parse("2025-09-01T09:00:00Z");

    private final TopicCatalogue catalogue;

    ActivityGenerator(TopicCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    EventSet generate(String cohortId, int learners, long seed, Predicate<QualificationDefinition> qualifications) {
        Random random = new Random(seed);
        List<QualificationDefinition> choices = catalogue.qualifications().stream().filter(qualifications).toList();
        List<LearnerActivityEvent> events = new ArrayList<>();
        for (int i = 1; i <= learners; i++) {
            String learnerId = "%s-L%05d".formatted(cohortId, i);
            events.addAll(new Timeline(learnerId, cohortId, choices.get(random.nextInt(choices.size())), random).events());
        }
        events.sort(Comparator.comparing(Occurrence::of));
        return new EventSet(cohortId, events);
    }

    private final class Timeline {
        private final String learnerId;
        private final String cohortId;
        private final QualificationDefinition qualification;
        private final Random random;
        private final List<LearnerActivityEvent> events = new ArrayList<>();
        private Instant at;

        Timeline(String learnerId, String cohortId, QualificationDefinition qualification, Random random) {
            this.learnerId = learnerId;
            this.cohortId = cohortId;
            this.qualification = qualification;
            this.random = random;
            this.at = BASE.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
        }

        List<LearnerActivityEvent> events() {
            enrol();
            for (String unitCode : qualification.unitCodes()) {
                unit(catalogue.latest(unitCode));
            }
            if (random.nextDouble() < 0.06) {
                events.add(new LearnerWithdrawn(id(), later(), 1, learnerId, CENTRE, qualification.code(), "fault-suite withdrawal"));
                if (random.nextBoolean()) {
                    enrol();
                }
            }
            return events;
        }

        private void enrol() {
            LocalDate start = LocalDate.ofInstant(later(), ZoneOffset.UTC);
            events.add(new LearnerEnrolled(id(), at, 1, learnerId, CENTRE, qualification.code(), cohortId, start, start.plusMonths(12)));
        }

        private void unit(UnitDefinition unit) {
            List<String> criteria = unit.learningOutcomes().stream().flatMap(lo -> lo.criteria().stream())
                    .map(UnitDefinition.CriterionDefinition::code).toList();
            for (int i = 0; i < criteria.size(); i++) {
                if (i > 0 && random.nextDouble() >= 0.75) {
                    continue;
                }
                String criterion = criteria.get(i);
                List<String> covered = i + 1 < criteria.size() && random.nextDouble() < 0.2
                        ? List.of(criterion, criteria.get(i + 1)) : List.of(criterion);
                String ref = learnerId + "/" + unit.code() + "/" + criterion + "/a";
                events.add(new EvidenceSubmitted(id(), later(), 1, learnerId, CENTRE, qualification.code(), unit.code(), unit.version(), ref, covered));
                if (random.nextDouble() >= 0.8) {
                    continue;
                }
                if (random.nextDouble() < 0.2) {
                    events.add(assessed(unit, criterion, AssessmentOutcome.NOT_YET_MET, ref));
                    ref = learnerId + "/" + unit.code() + "/" + criterion + "/b";
                    events.add(new EvidenceSubmitted(id(), later(), 1, learnerId, CENTRE, qualification.code(), unit.code(), unit.version(), ref, List.of(criterion)));
                }
                events.add(assessed(unit, criterion, AssessmentOutcome.MET, ref));
                if (random.nextBoolean()) {
                    events.add(new CriterionVerified(id(), later(), 1, learnerId, CENTRE, qualification.code(), unit.code(), unit.version(), criterion, "iqa-" + random.nextInt(3)));
                }
            }
        }

        private CriterionAssessed assessed(UnitDefinition unit, String criterion, AssessmentOutcome outcome, String ref) {
            return new CriterionAssessed(id(), later(), 1, learnerId, CENTRE, qualification.code(), unit.code(), unit.version(),
                    criterion, outcome, "assessor-" + random.nextInt(5), ref);
        }

        private Instant later() {
            at = at.plus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
            return at;
        }

        private UUID id() {
            return new UUID(random.nextLong(), random.nextLong());
        }
    }
}
