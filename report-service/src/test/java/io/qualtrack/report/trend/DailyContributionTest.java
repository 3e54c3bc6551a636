package io.qualtrack.report.trend;

import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.report.cohort.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.EVIDENCE_SUBMITTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

class DailyContributionTest {

    private static final Instant MAY_4 = Instant.parse("2026-05-04T15:00:00Z");
    private static final LocalDate MAY_4_DAY = LocalDate.parse("2026-05-04");

    @Test
    void countsEachMetOrVerifiedCriterionOnTheDayOfItsMetDecision() {
        EnrolmentProgress progress = Snapshots.progress("L", "C", "K", MAY_4, VERIFIED, MET, EVIDENCE_SUBMITTED, NOT_STARTED);

        DailyContribution contribution = DailyContribution.of(progress);

        assertThat(contribution.started()).isEqualTo(Snapshots.START);
        assertThat(contribution.pointsMet()).containsExactlyEntriesOf(Map.of(MAY_4_DAY, 50.0));
        assertThat(contribution.byDay()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Snapshots.START, new DailyContribution.DayFigures(true, 0.0),
                MAY_4_DAY, new DailyContribution.DayFigures(false, 50.0))));
    }

    @Test
    void aWithdrawnLearnerContributesNothing() {
        EnrolmentProgress progress = Snapshots.withdrawn(Snapshots.progress("L", "C", "K", MAY_4, MET, MET, MET, NOT_STARTED), MAY_4);

        assertThat(DailyContribution.of(progress).byDay()).isEmpty();
    }

    @Test
    void countsFromTheFirstMetCriterionWhenThatCameBeforeTheStart() {
        Instant beforeStart = Snapshots.START.minusDays(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        EnrolmentProgress progress = Snapshots.progress("L", "C", "K", beforeStart, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);

        assertThat(DailyContribution.of(progress).started()).isEqualTo(Snapshots.START.minusDays(3));
    }

    @Test
    void aNewerSnapshotSetsItsDaysAndRemovesTheDaysThatNoLongerHold() {
        Instant march = Instant.parse("2026-03-02T09:00:00Z");
        var before = DailyContribution.of(Snapshots.progress("L", "C", "K", march, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED));
        // the assessor's later decision on 1.1 ("not yet met") took it back to evidence submitted
        var after = DailyContribution.of(Snapshots.progress("L", "C", "K", MAY_4, EVIDENCE_SUBMITTED, MET, NOT_STARTED, NOT_STARTED));

        List<ContributionChange.DayWrite> writes = new ContributionChange("L|Q1", before, after).writes();

        assertThat(writes).containsExactlyInAnyOrder(
                new ContributionChange.DayWrite("C", "K", LocalDate.parse("2026-03-02"), "L|Q1", null),
                new ContributionChange.DayWrite("C", "K", MAY_4_DAY, "L|Q1", new DailyContribution.DayFigures(false, 25.0)));
    }

    @Test
    void movingToAnotherCohortRemovesEveryDayFromTheOldOne() {
        var before = DailyContribution.of(Snapshots.progress("L", "C", "K-OLD", MAY_4, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED));
        var after = DailyContribution.of(Snapshots.progress("L", "C", "K-NEW", MAY_4, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED));

        List<ContributionChange.DayWrite> writes = new ContributionChange("L|Q1", before, after).writes();

        assertThat(writes).filteredOn(w -> w.cohortId().equals("K-OLD")).hasSize(2).allSatisfy(w -> assertThat(w.figures()).isNull());
        assertThat(writes).filteredOn(w -> w.cohortId().equals("K-NEW")).hasSize(2).allSatisfy(w -> assertThat(w.figures()).isNotNull());
    }

    @Test
    void theSameSnapshotAgainWritesNothing() {
        var contribution = DailyContribution.of(Snapshots.progress("L", "C", "K", MAY_4, MET, MET, NOT_STARTED, NOT_STARTED));

        assertThat(new ContributionChange("L|Q1", contribution, contribution).writes()).isEmpty();
    }
}
