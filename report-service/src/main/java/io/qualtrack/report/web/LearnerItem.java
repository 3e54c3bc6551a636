package io.qualtrack.report.web;

import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.cohort.AssessedRow;
import io.qualtrack.report.ontrack.Rag;

import java.time.Instant;
import java.util.List;

/** One learner's line in a cohort grid or an at-risk list. */
record LearnerItem(String learnerId, String cohortId, String qualificationCode, String qualificationTitle, Rag rag,
                   List<String> reasons, double percentMet, double expectedPercent, long daysSinceLastActivity,
                   Instant lastActivityAt, int awaitingAssessment, int awaitingVerification, List<UnitItem> units) {

    record UnitItem(String unitCode, String title, double percentMet, ProgressStatus status) {
    }

    static LearnerItem of(AssessedRow assessed) {
        var row = assessed.row();
        var onTrack = assessed.onTrack();
        return new LearnerItem(row.learnerId(), row.cohortId(), row.qualificationCode(), row.qualificationTitle(),
                onTrack.rag(), onTrack.reasons(), onTrack.actualPercent(), onTrack.expectedPercent(),
                onTrack.daysSinceLastActivity(), row.lastActivityAt(), onTrack.awaitingAssessment(),
                onTrack.awaitingVerification(), row.units().stream()
                .map(u -> new UnitItem(u.unitCode(), u.title(), u.percentMet(), u.status())).toList());
    }
}
