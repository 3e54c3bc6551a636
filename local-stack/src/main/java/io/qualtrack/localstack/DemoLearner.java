package io.qualtrack.localstack;

import java.time.LocalDate;

/** One learner of the demo: one enrolment, and how the learner behaves. */
public record DemoLearner(String learnerId, String centreId, String cohortId, String qualificationCode,
                   LocalDate startDate, LocalDate plannedEndDate, Behaviour behaviour, boolean withdraws) {
}
