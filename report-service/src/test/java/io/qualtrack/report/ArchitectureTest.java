package io.qualtrack.report;

import io.qualtrack.report.cohort.CohortSummaries;
import io.qualtrack.report.cohort.EnrolmentRow;
import io.qualtrack.report.cohort.LearnerListing;
import io.qualtrack.report.dashboard.NextCriteria;
import io.qualtrack.report.ontrack.OnTrack;
import io.qualtrack.report.ontrack.OnTrackRules;
import io.qualtrack.report.ontrack.Rag;
import io.qualtrack.report.trend.CohortTrend;
import io.qualtrack.report.trend.ContributionChange;
import io.qualtrack.report.trend.DailyContribution;
import io.qualtrack.testsupport.PlainDomain;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theOnTrackTrendAndCohortRulesArePlainJava() {
        PlainDomain.check(OnTrackRules.class, OnTrack.class, Rag.class, DailyContribution.class, ContributionChange.class,
                CohortTrend.class, CohortSummaries.class, LearnerListing.class, EnrolmentRow.class, NextCriteria.class);
    }
}
