package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.ontrack.OnTrackRules;
import io.qualtrack.report.ontrack.OnTrackThresholds;
import io.qualtrack.report.ontrack.Rag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnerListingTest {

    private static final LocalDate TODAY = Snapshots.START.plusDays(180);
    private static final Instant RECENTLY = TODAY.minusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    private final OnTrackRules rules = new OnTrackRules(OnTrackThresholds.DEFAULTS);

    /** 12 learners: every third one far behind (red), the rest on track. */
    private final List<AssessedRow> rows = IntStream.rangeClosed(1, 12).mapToObj(i -> {
        var progress = i % 3 == 0
                ? Snapshots.progress("L%02d".formatted(i), "C", "K", RECENTLY, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED)
                : Snapshots.progress("L%02d".formatted(i), "C", "K", RECENTLY, VERIFIED, VERIFIED, NOT_STARTED, NOT_STARTED);
        EnrolmentRow row = EnrolmentRow.of(progress);
        return new AssessedRow(row, rules.assess(row.onTrackFacts(), TODAY));
    }).toList();

    private static final LearnerListing.Filter ALL = new LearnerListing.Filter(null, null, null);

    @Test
    void pagesThroughTheCohort() {
        var page = LearnerListing.list(rows, ALL, LearnerListing.SortKey.parse("learner"), 1, 5);

        assertThat(page.totalItems()).isEqualTo(12);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.items()).extracting(r -> r.row().learnerId()).containsExactly("L06", "L07", "L08", "L09", "L10");
        assertThat(LearnerListing.list(rows, ALL, LearnerListing.SortKey.parse("learner"), 9, 5).items()).isEmpty();
    }

    @Test
    void filtersByRagAndByUnitStatus() {
        var red = LearnerListing.list(rows, new LearnerListing.Filter(Rag.RED, null, null), LearnerListing.SortKey.parse("learner"), 0, 50);
        assertThat(red.items()).extracting(r -> r.row().learnerId()).containsExactly("L03", "L06", "L09", "L12");

        var notStartedInUnit = LearnerListing.list(rows, new LearnerListing.Filter(null, "U1", ProgressStatus.NOT_STARTED),
                LearnerListing.SortKey.parse("learner"), 0, 50);
        assertThat(notStartedInUnit.totalItems()).isEqualTo(4);
        assertThat(LearnerListing.list(rows, new LearnerListing.Filter(null, "U9", null), LearnerListing.SortKey.parse("learner"), 0, 50)
                .totalItems()).isZero();
    }

    @Test
    void sortsByAnyKeyEitherWay() {
        var byPercent = LearnerListing.list(rows, ALL, LearnerListing.SortKey.parse("percentMet,desc"), 0, 3);
        assertThat(byPercent.items()).allSatisfy(r -> assertThat(r.row().summary().percentMet()).isEqualTo(50.0));
        var worstFirst = LearnerListing.list(rows, ALL, LearnerListing.SortKey.parse("rag,desc"), 0, 1);
        assertThat(worstFirst.items().getFirst().onTrack().rag()).isEqualTo(Rag.RED);
    }

    @Test
    void refusesUnknownSortKeysAndDirections() {
        assertThatThrownBy(() -> LearnerListing.SortKey.parse("shoeSize")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> LearnerListing.SortKey.parse("rag,sideways")).isInstanceOf(InvalidQueryException.class);
    }
}
