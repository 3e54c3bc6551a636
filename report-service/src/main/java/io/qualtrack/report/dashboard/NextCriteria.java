package io.qualtrack.report.dashboard;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learner should evidence next: first the criteria an assessor judged "not yet met" (they
 * need more evidence), then the ones not started, in the order of the qualification's units and
 * learning outcomes. Criteria waiting for an assessor are not the learner's to act on.
 */
public final class NextCriteria {

    private NextCriteria() {
    }

    public record Next(String unitCode, String unitTitle, int unitVersion, String learningOutcome,
                       String learningOutcomeText, String criterionCode, String text, boolean needsMoreEvidence) {
    }

    public static List<Next> pick(EnrolmentProgress progress, int limit) {
        List<Next> rework = new ArrayList<>();
        List<Next> notStarted = new ArrayList<>();
        for (UnitProgress unit : progress.units()) {
            for (LearningOutcomeProgress lo : unit.learningOutcomes()) {
                for (CriterionProgress c : lo.criteria()) {
                    boolean notYetMet = c.status() == CriterionStatus.EVIDENCE_SUBMITTED && c.assessment() != null
                            && "NOT_YET_MET".equals(c.assessment().outcome());
                    if (notYetMet || c.status() == CriterionStatus.NOT_STARTED) {
                        (notYetMet ? rework : notStarted).add(new Next(unit.unitCode(), unit.title(), unit.unitVersion(),
                                lo.code(), lo.text(), c.code(), c.text(), notYetMet));
                    }
                }
            }
        }
        List<Next> next = new ArrayList<>(rework);
        next.addAll(notStarted);
        return next.subList(0, Math.min(limit, next.size()));
    }
}
