package io.qualtrack.report.ontrack;

import java.util.List;

/**
 * An enrolment's RAG status with the reasons that set it, in plain words, and the figures behind them.
 *
 * @param expectedPercent % of criteria expected to be met by today, from the start and planned end dates
 * @param actualPercent   % of criteria met
 */
public record OnTrack(Rag rag, List<String> reasons, double expectedPercent, double actualPercent,
                      long daysSinceLastActivity, int awaitingAssessment, int awaitingVerification) {

    public OnTrack {
        reasons = List.copyOf(reasons);
    }
}
