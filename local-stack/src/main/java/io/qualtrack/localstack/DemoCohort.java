package io.qualtrack.localstack;

import java.time.LocalDate;

/** A cohort of the demo: one intake of one centre, with how many learners it gets. */
public record DemoCohort(String centreId, String centreName, String cohortId, LocalDate intake, int size) {
}
