package io.qualtrack.report.ontrack;

import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class OnTrackRulesTest {

    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final LocalDate END = LocalDate.parse("2026-12-27");
    private final OnTrackRules rules = new OnTrackRules(OnTrackThresholds.DEFAULTS);

    /** 20 criteria, {@code met} of them met, last activity on {@code lastActive}. */
    private static OnTrackRules.Enrolment enrolment(int met, int awaitingAssessment, int verified, LocalDate lastActive) {
        int notStarted = 20 - met - awaitingAssessment;
        var summary = new ProgressSummary(20, notStarted, awaitingAssessment, met, verified, met * 5.0, verified * 5.0,
                ProgressStatus.IN_PROGRESS);
        return new OnTrackRules.Enrolment(EnrolmentStatus.ACTIVE, START, END, lastActive.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                null, summary);
    }

    @Test
    void expectsProgressInProportionToThePlannedPeriodGoneBy() {
        assertThat(OnTrackRules.expectedPercent(START, END, LocalDate.parse("2025-12-01"))).isEqualTo(0.0);
        assertThat(OnTrackRules.expectedPercent(START, END, START.plusDays(180))).isEqualTo(50.0);
        assertThat(OnTrackRules.expectedPercent(START, END, LocalDate.parse("2027-03-01"))).isEqualTo(100.0);
    }

    @Test
    void aLearnerKeepingPaceIsGreenAndSaysWhy() {
        LocalDate halfway = START.plusDays(180);
        OnTrack onTrack = rules.assess(enrolment(10, 1, 8, halfway.minusDays(3)), halfway);

        assertThat(onTrack.rag()).isEqualTo(Rag.GREEN);
        assertThat(onTrack.reasons()).containsExactly("on track: 50% of criteria met, 50% expected by now");
    }

    @Test
    void fallingBehindTurnsAmberThenRed() {
        LocalDate halfway = START.plusDays(180);

        OnTrack amber = rules.assess(enrolment(7, 0, 7, halfway), halfway);
        assertThat(amber.rag()).isEqualTo(Rag.AMBER);
        assertThat(amber.reasons()).containsExactly("35% of criteria met where 50% was expected by now (15 points behind)");

        OnTrack red = rules.assess(enrolment(4, 0, 4, halfway), halfway);
        assertThat(red.rag()).isEqualTo(Rag.RED);
        assertThat(red.expectedPercent()).isEqualTo(50.0);
        assertThat(red.actualPercent()).isEqualTo(20.0);
    }

    @Test
    void inactivityTurnsAmberAfterThreeWeeksAndRedAfterSix() {
        LocalDate halfway = START.plusDays(180);

        assertThat(rules.assess(enrolment(10, 0, 10, halfway.minusDays(21)), halfway).reasons()).containsExactly("no activity for 21 days");
        assertThat(rules.assess(enrolment(10, 0, 10, halfway.minusDays(21)), halfway).rag()).isEqualTo(Rag.AMBER);
        assertThat(rules.assess(enrolment(10, 0, 10, halfway.minusDays(50)), halfway).rag()).isEqualTo(Rag.RED);
    }

    @Test
    void aBacklogWaitingForAssessorsOrIqaIsAmber() {
        LocalDate halfway = START.plusDays(180);
        OnTrack onTrack = rules.assess(enrolment(10, 3, 8, halfway), halfway);

        assertThat(onTrack.rag()).isEqualTo(Rag.AMBER);
        assertThat(onTrack.reasons()).containsExactly("3 criteria awaiting assessment and 2 awaiting verification");
    }

    @Test
    void everyReasonThatFiredIsListedAndTheWorstSetsTheColour() {
        LocalDate halfway = START.plusDays(180);
        OnTrack onTrack = rules.assess(enrolment(7, 5, 0, halfway.minusDays(45)), halfway);

        assertThat(onTrack.rag()).isEqualTo(Rag.RED);
        assertThat(onTrack.reasons()).hasSize(3);
    }

    @Test
    void passingThePlannedEndUnfinishedIsRedAndFinishingIsGreen() {
        LocalDate after = END.plusDays(10);

        assertThat(rules.assess(enrolment(19, 0, 19, after), after).reasons())
                .containsExactly("the planned end date (2026-12-27) has passed with 95% of criteria met");
        OnTrack done = rules.assess(enrolment(20, 0, 20, END.minusDays(60)), after);
        assertThat(done.rag()).isEqualTo(Rag.GREEN);
        assertThat(done.reasons()).containsExactly("all criteria met");
    }

    @Test
    void withdrawnLearnersAreOutsideTheScale() {
        var withdrawn = new OnTrackRules.Enrolment(EnrolmentStatus.WITHDRAWN, START, END, Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-02T10:00:00Z"), enrolment(2, 0, 0, START).summary());

        OnTrack onTrack = rules.assess(withdrawn, START.plusDays(180));
        assertThat(onTrack.rag()).isEqualTo(Rag.WITHDRAWN);
        assertThat(onTrack.reasons()).containsExactly("withdrew on 2 March 2026");
    }

    @Test
    void thresholdsAreConfiguration() {
        var strict = new OnTrackRules(new OnTrackThresholds(5, 10, 7, 14, 2));
        LocalDate halfway = START.plusDays(180);

        assertThat(strict.assess(enrolment(8, 0, 8, halfway.minusDays(8)), halfway).rag()).isEqualTo(Rag.RED);
    }

    @Test
    void countsAwaitingDecisionsInPlainWords() {
        assertThat(OnTrackRules.awaitingDecisions(3, 2)).isEqualTo("3 criteria awaiting assessment and 2 awaiting verification");
        assertThat(OnTrackRules.awaitingDecisions(0, 5)).isEqualTo("5 criteria awaiting verification");
        assertThat(OnTrackRules.awaitingDecisions(1, 0)).isEqualTo("1 criterion awaiting assessment");
    }
}
