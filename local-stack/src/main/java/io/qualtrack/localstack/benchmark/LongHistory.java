package io.qualtrack.localstack.benchmark;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * One enrolment's long history, of exactly the number of events asked for (about 200): enrolled 12 to 18 months
 * ago on a qualification with many criteria, then, criterion by criterion (unit by unit, started one after
 * another over the first three quarters of the time since), evidence and NOT_YET_MET decisions again and again
 * (the reworks), then evidence that is MET, then the IQA's verification. The events beyond the enrolment and
 * the three a criterion needs at least are the reworks (evidence + NOT_YET_MET), spread at random over the
 * criteria; an odd one left over is a piece of supporting evidence. Every event names a unit of the enrolment's
 * qualification in the version the catalogue lists and that unit's own criteria, so progress-service applies it
 * (as the demo's {@code LearnerTimeline} does); a criterion's events are days apart, in order, all before today.
 */
final class LongHistory {

    /** One enrolment: who, where, on what, and its planned dates. */
    record Enrolment(String learnerId, String centreId, String cohortId, String qualificationCode, LocalDate startDate,
                     LocalDate plannedEndDate) {
    }

    private static final int SCHEMA = LearnerActivityEvent.SCHEMA_VERSION;
    /** Evidence, a decision and a verification: the fewest events that take a criterion to verified. */
    static final int EVENTS_PER_CRITERION_AT_LEAST = 3;
    private static final int MAX_DAYS_BETWEEN = 7;
    private static final List<String> EVIDENCE_KINDS = List.of("reflective-account", "strategic-plan", "case-study",
            "observation-record", "professional-discussion", "policy-review", "action-research", "meeting-minutes",
            "development-plan", "presentation", "witness-statement", "data-analysis");

    private record Criterion(Syllabus.Unit unit, String code) {
    }

    private final Enrolment enrolment;
    private final List<Syllabus.Unit> units;
    private final LocalDate today;
    private final long seed;
    private final Random random;
    private final String centreSuffix;
    private final List<LearnerActivityEvent> events = new ArrayList<>();

    LongHistory(Enrolment enrolment, List<Syllabus.Unit> units, LocalDate today, long seed, Random random) {
        this.enrolment = enrolment;
        this.units = units;
        this.today = today;
        this.seed = seed;
        this.random = random;
        this.centreSuffix = enrolment.centreId().replaceFirst("^C-", "").toLowerCase(Locale.ROOT);
    }

    /** The enrolment's events, {@code total} of them (or the enrolment and three per criterion, if that is more). */
    List<LearnerActivityEvent> events(int total) {
        events.clear();
        events.add(new LearnerEnrolled(id("enrolled"), at(enrolment.startDate().minusDays(random.nextInt(6))), SCHEMA,
                enrolment.learnerId(), enrolment.centreId(), enrolment.qualificationCode(), enrolment.cohortId(),
                enrolment.startDate(), enrolment.plannedEndDate()));
        List<Criterion> criteria = new ArrayList<>();
        units.forEach(unit -> unit.criteria().forEach(code -> criteria.add(new Criterion(unit, code))));
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException(enrolment.qualificationCode() + " has no criteria");
        }
        int spare = Math.max(0, total - 1 - EVENTS_PER_CRITERION_AT_LEAST * criteria.size());
        int[] reworks = new int[criteria.size()];
        for (int i = 0; i < spare / 2; i++) {
            reworks[random.nextInt(criteria.size())]++;
        }
        int supported = spare % 2 == 1 ? random.nextInt(criteria.size()) : -1;

        LocalDate firstActive = enrolment.startDate().plusDays(3 + random.nextInt(8));
        LocalDate lastDay = today.minusDays(1);
        long span = ChronoUnit.DAYS.between(firstActive, lastDay);
        for (int i = 0; i < criteria.size(); i++) {
            LocalDate begins = firstActive.plusDays((long) Math.floor(span * 0.75 * i / criteria.size()));
            int steps = 2 * reworks[i] + EVENTS_PER_CRITERION_AT_LEAST + (i == supported ? 1 : 0);
            long room = ChronoUnit.DAYS.between(begins, lastDay);
            if (room < steps) {
                throw new IllegalArgumentException("no room for " + steps + " events of " + enrolment.learnerId() + " between "
                        + begins + " and " + lastDay + ": start the enrolment earlier");
            }
            Days days = new Days(begins, (int) Math.min(MAX_DAYS_BETWEEN, room / steps));
            criterion(criteria.get(i), reworks[i], i == supported, days);
        }
        return List.copyOf(events);
    }

    private void criterion(Criterion criterion, int reworks, boolean supported, Days days) {
        int attempt = 1;
        if (supported) {
            submit(criterion, days.next(), attempt, "supporting-note");
        }
        for (int r = 0; r < reworks; r++, attempt++) {
            String evidenceRef = submit(criterion, days.next(), attempt, evidenceKind());
            assess(criterion, days.next(), AssessmentOutcome.NOT_YET_MET, evidenceRef, attempt);
        }
        String evidenceRef = submit(criterion, days.next(), attempt, evidenceKind());
        assess(criterion, days.next(), AssessmentOutcome.MET, evidenceRef, attempt);
        events.add(new CriterionVerified(id("verified", criterion.unit().code(), criterion.code()), at(days.next()), SCHEMA,
                enrolment.learnerId(), enrolment.centreId(), enrolment.qualificationCode(), criterion.unit().code(),
                criterion.unit().version(), criterion.code(), "iqa-" + centreSuffix + "-" + (1 + random.nextInt(2))));
    }

    private String submit(Criterion criterion, LocalDate day, int attempt, String kind) {
        String evidenceRef = "portfolio/" + enrolment.learnerId() + "/" + criterion.unit().code() + "/" + kind + "-" + criterion.code()
                + "-v" + attempt + ".pdf";
        events.add(new EvidenceSubmitted(id("evidence", criterion.unit().code(), criterion.code(), String.valueOf(attempt), kind),
                at(day), SCHEMA, enrolment.learnerId(), enrolment.centreId(), enrolment.qualificationCode(), criterion.unit().code(),
                criterion.unit().version(), evidenceRef, List.of(criterion.code())));
        return evidenceRef;
    }

    private void assess(Criterion criterion, LocalDate day, AssessmentOutcome outcome, String evidenceRef, int attempt) {
        events.add(new CriterionAssessed(id("assessed", criterion.unit().code(), criterion.code(), String.valueOf(attempt)), at(day),
                SCHEMA, enrolment.learnerId(), enrolment.centreId(), enrolment.qualificationCode(), criterion.unit().code(),
                criterion.unit().version(), criterion.code(), outcome, "assessor-" + centreSuffix + "-" + (1 + random.nextInt(3)),
                evidenceRef));
    }

    /** Days that only go forward, one to {@code most} apart, so a criterion's events happen in their order. */
    private final class Days {
        private LocalDate day;
        private final int most;

        Days(LocalDate first, int most) {
            this.day = first;
            this.most = Math.max(1, most);
        }

        LocalDate next() {
            day = day.plusDays(1 + random.nextInt(most));
            return day;
        }
    }

    /** Ids that depend only on the seed, the enrolment and what the event is: the same workload, the same ids. */
    private UUID id(String... what) {
        String name = "qualtrack-benchmark/" + seed + "/" + enrolment.centreId() + "/" + enrolment.learnerId() + "/" + String.join("/", what);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private String evidenceKind() {
        return EVIDENCE_KINDS.get(random.nextInt(EVIDENCE_KINDS.size()));
    }

    /** A moment in the working day. */
    private Instant at(LocalDate day) {
        return day.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }
}
