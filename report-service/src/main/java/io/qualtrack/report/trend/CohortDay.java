package io.qualtrack.report.trend;

import java.time.LocalDate;

/** One day of a cohort: the learners who started counting that day and the percentage points met that day, summed. */
public record CohortDay(LocalDate day, int started, double pointsMet) {
}
