package io.qualtrack.report.cohort;

import io.qualtrack.report.ontrack.OnTrack;

/** An enrolment row with its on-track status as of today. */
public record AssessedRow(EnrolmentRow row, OnTrack onTrack) {
}
