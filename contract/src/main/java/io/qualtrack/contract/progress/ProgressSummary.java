package io.qualtrack.contract.progress;

/**
 * Counts over a set of criteria (a learning outcome, a unit or a qualification). {@code met}
 * includes verified criteria; {@code awaitingAssessment} have evidence but no "met" decision.
 */
public record ProgressSummary(int criteria, int notStarted, int awaitingAssessment, int met, int verified,
                              double percentMet, double percentVerified, ProgressStatus status) {

    public int awaitingVerification() {
        return met - verified;
    }
}
