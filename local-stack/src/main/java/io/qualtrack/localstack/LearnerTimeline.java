package io.qualtrack.localstack;

import io.qualtrack.contract.activity.AssessmentOutcome;
import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One learner's activity from enrolment up to yesterday, shaped by the learner's {@link Behaviour}:
 * criteria worked through unit by unit, one piece of evidence covering one to three criteria, an
 * assessor's decision a few days later (now and then NOT_YET_MET, re-evidence, then MET), an IQA
 * verification of some met criteria, evidence still awaiting assessment for some, and a withdrawal
 * for a few. Every event happens on a day before {@code today}, in a sensible order for the learner.
 */
final class LearnerTimeline {

    private static final int SCHEMA = LearnerActivityEvent.SCHEMA_VERSION;

    private static final List<String> EVIDENCE_KINDS = List.of("reflective-account", "strategic-plan", "case-study",
            "observation-record", "professional-discussion", "policy-review", "action-research", "meeting-minutes",
            "development-plan", "presentation", "witness-statement", "data-analysis");
    private static final List<String> WITHDRAWAL_REASONS = List.of("moved to another school", "personal circumstances",
            "workload in the new role", "deferred to a later cohort", "changed career direction");

    private record Criterion(CatalogueSnapshot.Unit unit, String code) {
    }

    private final DemoLearner learner;
    private final List<CatalogueSnapshot.Unit> units;
    private final LocalDate today;
    private final DemoEventIds ids;
    private final Random random;
    private final String centreSuffix;
    private final List<LearnerActivityEvent> activities = new ArrayList<>();

    LearnerTimeline(DemoLearner learner, List<CatalogueSnapshot.Unit> units, LocalDate today, DemoEventIds ids,
                    Random random) {
        this.learner = learner;
        this.units = units;
        this.today = today;
        this.ids = ids;
        this.random = random;
        this.centreSuffix = learner.centreId().replaceFirst("^C-", "").toLowerCase(Locale.ROOT);
    }

    List<LearnerActivityEvent> activities() {
        activities.clear();
        enrol();
        LocalDate firstActive = learner.startDate().plusDays(3 + random.nextInt(8));
        LocalDate withdrawal = learner.withdraws() ? today.minusDays(3 + random.nextInt(23)) : null;
        LocalDate lastActive = lastActiveDay(firstActive, withdrawal);

        List<Criterion> criteria = criteria();
        int met = metCount(criteria.size(), lastActive);
        int awaiting = awaitingCount(criteria.size() - met);
        evidenceAndAssess(criteria.subList(0, met), firstActive, lastActive);
        evidenceOnly(criteria.subList(met, met + awaiting), firstActive, lastActive);
        if (withdrawal != null) {
            withdraw(withdrawal);
        }
        return List.copyOf(activities);
    }

    private void enrol() {
        LocalDate day = learner.startDate().minusDays(random.nextInt(6));
        activities.add(new LearnerEnrolled(ids.of(learner.learnerId(), "enrolled"), at(day), SCHEMA,
                learner.learnerId(), learner.centreId(), learner.qualificationCode(), learner.cohortId(),
                learner.startDate(), learner.plannedEndDate()));
    }

    /** The last day with any activity: recent for those who keep going, six weeks or more ago for the inactive. */
    private LocalDate lastActiveDay(LocalDate firstActive, LocalDate withdrawal) {
        LocalDate last;
        if (withdrawal != null) {
            last = withdrawal.minusDays(5 + random.nextInt(16));
        } else {
            last = switch (learner.behaviour()) {
                case AHEAD, ON_TRACK, ASSESSMENT_BACKLOG -> today.minusDays(1 + random.nextInt(4));
                case SOMEWHAT_BEHIND -> today.minusDays(2 + random.nextInt(11));
                case WELL_BEHIND -> today.minusDays(10 + random.nextInt(21));
                case INACTIVE -> {
                    long room = ChronoUnit.DAYS.between(firstActive, today) - 21;
                    yield today.minusDays(Math.min(44 + random.nextInt(31), room));
                }
            };
        }
        LocalDate earliest = firstActive.plusDays(14);
        return last.isBefore(earliest) ? earliest : last;
    }

    /**
     * Criteria met by the last active day. "Expected" is the share of the planned period gone by (by
     * today, or by the day the learner stopped): on track is about that share, behind is a number of
     * percentage points below it.
     */
    private int metCount(int total, LocalDate lastActive) {
        boolean stopped = learner.behaviour() == Behaviour.INACTIVE || learner.withdraws();
        LocalDate reference = stopped ? lastActive : today;
        double expected = Math.max(0, Math.min(1, (double) ChronoUnit.DAYS.between(learner.startDate(), reference)
                / ChronoUnit.DAYS.between(learner.startDate(), learner.plannedEndDate())));
        int met = switch (learner.behaviour()) {
            case AHEAD -> (int) Math.ceil((expected * between(1.3, 1.7) + 0.05) * total);
            case ON_TRACK -> (int) Math.ceil(expected * between(1.0, 1.12) * total);
            case SOMEWHAT_BEHIND -> (int) Math.floor((expected - between(0.12, 0.20)) * total);
            case WELL_BEHIND -> (int) Math.floor(Math.min(expected * between(0.1, 0.3), expected - 0.27) * total);
            case INACTIVE -> (int) Math.round(expected * between(0.7, 1.0) * total);
            case ASSESSMENT_BACKLOG -> Math.min((int) Math.round(expected * between(0.8, 1.0) * total), total - 4);
        };
        int least = learner.behaviour() == Behaviour.WELL_BEHIND ? 0 : 1;
        return Math.max(least, Math.min(total, met));
    }

    /** Criteria with evidence that no assessor has looked at yet. */
    private int awaitingCount(int remaining) {
        int awaiting = switch (learner.behaviour()) {
            case ASSESSMENT_BACKLOG -> 4 + random.nextInt(3);
            case AHEAD, ON_TRACK -> random.nextDouble() < 0.4 ? 1 : 0;
            case SOMEWHAT_BEHIND -> random.nextDouble() < 0.4 ? 1 + random.nextInt(2) : 0;
            case WELL_BEHIND -> 1;
            case INACTIVE -> 0;
        };
        return Math.min(awaiting, remaining);
    }

    private void evidenceAndAssess(List<Criterion> toMeet, LocalDate firstActive, LocalDate lastActive) {
        List<List<Criterion>> pieces = piecesOfEvidence(toMeet, 3);
        LocalDate evidenceUntil = lastActive.minusDays(3);
        long span = ChronoUnit.DAYS.between(firstActive, evidenceUntil);
        // those still working met their latest criterion within the last days of activity
        boolean keepsGoing = learner.behaviour() != Behaviour.WELL_BEHIND && learner.behaviour() != Behaviour.INACTIVE;
        for (int i = 0; i < pieces.size(); i++) {
            boolean latest = keepsGoing && i == pieces.size() - 1;
            LocalDate day = latest ? evidenceUntil.minusDays(random.nextInt(4))
                    : firstActive.plusDays((long) Math.floor(span * (i + between(0.15, 0.85)) / pieces.size()));
            List<Criterion> piece = pieces.get(i);
            String evidenceRef = submit(piece, day, "1", evidenceKind());
            for (Criterion criterion : piece) {
                assessUntilMet(criterion, day, evidenceRef, lastActive);
            }
        }
    }

    private void assessUntilMet(Criterion criterion, LocalDate evidenceDay, String evidenceRef, LocalDate lastActive) {
        LocalDate assessed = min(evidenceDay.plusDays(2 + random.nextInt(7)), lastActive); // evidence is 3+ days before
        LocalDate met = assessed;
        String metOn = evidenceRef;
        boolean roomForAnotherTry = ChronoUnit.DAYS.between(evidenceDay, lastActive) >= 25;
        if (roomForAnotherTry && random.nextDouble() < 0.15) {
            assess(criterion, assessed, false, evidenceRef, "1");
            LocalDate resubmitted = assessed.plusDays(3 + random.nextInt(6));
            metOn = submit(List.of(criterion), resubmitted, "2", "resubmission");
            met = resubmitted.plusDays(2 + random.nextInt(5));
            assess(criterion, met, true, metOn, "2");
        } else {
            assess(criterion, met, true, metOn, "1");
        }
        if (random.nextDouble() < verificationChance(met, lastActive)) {
            LocalDate verified = met.plusDays(4 + random.nextInt(17));
            if (!verified.isAfter(lastActive)) {
                activities.add(new CriterionVerified(
                        ids.of(learner.learnerId(), "verified", criterion.unit().code(), criterion.code()), at(verified), SCHEMA,
                        learner.learnerId(), learner.centreId(), learner.qualificationCode(), criterion.unit().code(),
                        criterion.unit().version(), criterion.code(), "iqa-" + centreSuffix + "-" + (1 + random.nextInt(2))));
            }
        }
    }

    /**
     * IQA keeps up with learners who keep going (most criteria met three weeks or more ago are
     * verified), less so with those who stall.
     */
    private double verificationChance(LocalDate met, LocalDate lastActive) {
        if (learner.behaviour() == Behaviour.WELL_BEHIND || learner.behaviour() == Behaviour.INACTIVE) {
            return 0.6;
        }
        return met.isAfter(lastActive.minusDays(21)) ? 0.4 : 0.95;
    }

    /** Recent evidence, not assessed yet. */
    private void evidenceOnly(List<Criterion> toAwait, LocalDate firstActive, LocalDate lastActive) {
        List<List<Criterion>> pieces = piecesOfEvidence(toAwait, 2);
        LocalDate from = max(firstActive, lastActive.minusDays(25));
        long span = ChronoUnit.DAYS.between(from, lastActive);
        for (int i = 0; i < pieces.size(); i++) {
            LocalDate day = from.plusDays((long) Math.floor(span * (i + between(0.15, 0.85)) / pieces.size()));
            submit(pieces.get(i), day, "1", evidenceKind());
        }
    }

    private void withdraw(LocalDate day) {
        activities.add(new LearnerWithdrawn(ids.of(learner.learnerId(), "withdrawn"), at(day), SCHEMA,
                learner.learnerId(), learner.centreId(), learner.qualificationCode(),
                WITHDRAWAL_REASONS.get(random.nextInt(WITHDRAWAL_REASONS.size()))));
    }

    private String submit(List<Criterion> piece, LocalDate day, String attempt, String kind) {
        Criterion first = piece.getFirst();
        String evidenceRef = "portfolio/" + learner.learnerId() + "/" + first.unit().code() + "/" + kind + "-"
                + first.code() + (attempt.equals("1") ? "" : "-v" + attempt) + ".pdf";
        activities.add(new EvidenceSubmitted(
                ids.of(learner.learnerId(), "evidence", first.unit().code(), first.code(), attempt), at(day), SCHEMA,
                learner.learnerId(), learner.centreId(), learner.qualificationCode(), first.unit().code(),
                first.unit().version(), evidenceRef, piece.stream().map(Criterion::code).toList()));
        return evidenceRef;
    }

    private void assess(Criterion criterion, LocalDate day, boolean met, String evidenceRef, String attempt) {
        activities.add(new CriterionAssessed(
                ids.of(learner.learnerId(), "assessed", criterion.unit().code(), criterion.code(), attempt), at(day), SCHEMA,
                learner.learnerId(), learner.centreId(), learner.qualificationCode(), criterion.unit().code(),
                criterion.unit().version(), criterion.code(), met ? AssessmentOutcome.MET : AssessmentOutcome.NOT_YET_MET,
                "assessor-" + centreSuffix + "-" + (1 + random.nextInt(3)), evidenceRef));
    }

    /** Consecutive criteria of one unit, one to {@code most} per piece of evidence. */
    private List<List<Criterion>> piecesOfEvidence(List<Criterion> criteria, int most) {
        List<List<Criterion>> pieces = new ArrayList<>();
        List<Criterion> piece = new ArrayList<>();
        int size = pieceSize(most);
        for (Criterion criterion : criteria) {
            boolean otherUnit = !piece.isEmpty() && !piece.getFirst().unit().code().equals(criterion.unit().code());
            if (otherUnit || piece.size() == size) {
                pieces.add(piece);
                piece = new ArrayList<>();
                size = pieceSize(most);
            }
            piece.add(criterion);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
        return pieces;
    }

    private int pieceSize(int most) {
        double r = random.nextDouble();
        int size = r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
        return Math.min(size, most);
    }

    /** Every criterion of the qualification, unit by unit, in the order the units list them. */
    private List<Criterion> criteria() {
        List<Criterion> criteria = new ArrayList<>();
        units.forEach(unit -> unit.criterionCodes().forEach(code -> criteria.add(new Criterion(unit, code))));
        return criteria;
    }

    private String evidenceKind() {
        return EVIDENCE_KINDS.get(random.nextInt(EVIDENCE_KINDS.size()));
    }

    /** A moment in the working day. */
    private Instant at(LocalDate day) {
        return day.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }

    private double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
