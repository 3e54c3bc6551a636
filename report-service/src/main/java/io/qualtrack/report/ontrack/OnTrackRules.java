package io.qualtrack.report.ontrack;

import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.ProgressSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a learner is on track: criteria met against the share of the planned period that has
 * passed, how long since anything happened, and how much waits for assessors or IQA. The worst
 * signal sets the colour; every signal that fired is a reason.
 */
public final class OnTrackRules {

    private final OnTrackThresholds thresholds;

    public OnTrackRules(OnTrackThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The facts about one enrolment the rules look at. */
    public record Enrolment(EnrolmentStatus status, LocalDate startDate, LocalDate plannedEndDate,
                            Instant lastActivityAt, Instant withdrawnAt, ProgressSummary summary) {
    }

    public OnTrack assess(Enrolment enrolment, LocalDate today) {
        ProgressSummary summary = enrolment.summary();
        double expected = expectedPercent(enrolment.startDate(), enrolment.plannedEndDate(), today);
        double actual = summary.percentMet();
        long idleDays = Math.max(0, ChronoUnit.DAYS.between(enrolment.lastActivityAt().atZone(ZoneOffset.UTC).toLocalDate(), today));
        int awaitingAssessment = summary.awaitingAssessment();
        int awaitingVerification = summary.awaitingVerification();
        List<String> reasons = new ArrayList<>();
        if (enrolment.status() == EnrolmentStatus.WITHDRAWN) {
            reasons.add("withdrew on " + enrolment.withdrawnAt().atZone(ZoneOffset.UTC).toLocalDate()
                    .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
            return new OnTrack(Rag.WITHDRAWN, reasons, expected, actual, idleDays, awaitingAssessment, awaitingVerification);
        }
        Rag rag = Rag.GREEN;
        boolean complete = summary.criteria() > 0 && summary.met() == summary.criteria();
        double behind = expected - actual;
        if (!complete && today.isAfter(enrolment.plannedEndDate())) {
            rag = rag.atLeast(Rag.RED);
            reasons.add("the planned end date (" + enrolment.plannedEndDate() + ") has passed with " + percent(actual) + " of criteria met");
        } else if (behind >= thresholds.redBehindPoints()) {
            rag = rag.atLeast(Rag.RED);
            reasons.add(behindReason(actual, expected));
        } else if (behind >= thresholds.amberBehindPoints()) {
            rag = rag.atLeast(Rag.AMBER);
            reasons.add(behindReason(actual, expected));
        }
        if (!complete && idleDays >= thresholds.redInactiveDays()) {
            rag = rag.atLeast(Rag.RED);
            reasons.add("no activity for " + idleDays + " days");
        } else if (!complete && idleDays >= thresholds.amberInactiveDays()) {
            rag = rag.atLeast(Rag.AMBER);
            reasons.add("no activity for " + idleDays + " days");
        }
        if (awaitingAssessment + awaitingVerification >= thresholds.amberAwaitingCriteria()) {
            rag = rag.atLeast(Rag.AMBER);
            reasons.add(awaitingDecisions(awaitingAssessment, awaitingVerification));
        }
        if (reasons.isEmpty()) {
            reasons.add(complete ? "all criteria met" : "on track: " + percent(actual) + " of criteria met, " + percent(expected) + " expected by now");
        }
        return new OnTrack(rag, reasons, expected, actual, idleDays, awaitingAssessment, awaitingVerification);
    }

    /** The share of the planned period gone by, 0 before the start and 100 from the planned end. */
    public static double expectedPercent(LocalDate start, LocalDate plannedEnd, LocalDate today) {
        long planned = ChronoUnit.DAYS.between(start, plannedEnd);
        if (planned <= 0 || !today.isAfter(start)) {
            return today.isBefore(plannedEnd) ? 0.0 : 100.0;
        }
        double share = Math.min(1.0, (double) ChronoUnit.DAYS.between(start, today) / planned);
        return Math.round(share * 1000.0) / 10.0;
    }

    private static String behindReason(double actual, double expected) {
        return percent(actual) + " of criteria met where " + percent(expected) + " was expected by now ("
                + String.format(Locale.ROOT, "%.0f", expected - actual) + " points behind)";
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f%%" : "%.1f%%", value);
    }

    /** "3 criteria awaiting assessment and 1 awaiting verification"; a part that is zero is left out. */
    static String awaitingDecisions(int assessment, int verification) {
        if (assessment > 0 && verification > 0) {
            return criteria(assessment) + " awaiting assessment and " + verification + " awaiting verification";
        }
        return assessment > 0 ? criteria(assessment) + " awaiting assessment" : criteria(verification) + " awaiting verification";
    }

    private static String criteria(int count) {
        return count + (count == 1 ? " criterion" : " criteria");
    }
}
