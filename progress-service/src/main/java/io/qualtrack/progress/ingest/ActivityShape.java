package io.qualtrack.progress.ingest;

import io.qualtrack.contract.activity.CriterionAssessed;
import io.qualtrack.contract.activity.CriterionVerified;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.activity.LearnerWithdrawn;

import io.qualtrack.contract.values.Identifiers;
import io.qualtrack.contract.values.TimeRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether an activity event is complete enough to consider at all; checked at the API and again on consume.
 * Identifiers and instants follow the contract's {@link Identifiers} and {@link TimeRange}.
 */
public final class ActivityShape {

    private ActivityShape() {
    }

    public static boolean isSupportedSchema(LearnerActivityEvent event) {
        return event.schemaVersion() == LearnerActivityEvent.SCHEMA_VERSION;
    }

    public static List<String> problems(LearnerActivityEvent event) {
        List<String> problems = new ArrayList<>();
        if (event.eventId() == null) {
            problems.add("eventId is required");
        }
        TimeRange.problem("occurredAt", event.occurredAt()).ifPresent(problems::add);
        if (!isSupportedSchema(event)) {
            problems.add("schemaVersion " + event.schemaVersion() + " is not supported (expected "
                    + LearnerActivityEvent.SCHEMA_VERSION + ")");
        }
        id(problems, "learnerId", event.learnerId());
        id(problems, "centreId", event.centreId());
        id(problems, "qualificationCode", event.qualificationCode());
        switch (event) {
            case LearnerEnrolled e -> {
                id(problems, "cohortId", e.cohortId());
                List<String> dates = new ArrayList<>();
                TimeRange.problem("startDate", e.startDate()).ifPresent(dates::add);
                TimeRange.problem("plannedEndDate", e.plannedEndDate()).ifPresent(dates::add);
                if (dates.isEmpty() && !e.plannedEndDate().isAfter(e.startDate())) {
                    dates.add("plannedEndDate must be after startDate");
                }
                problems.addAll(dates);
            }
            case EvidenceSubmitted e -> {
                unit(problems, e.unitCode(), e.unitVersion());
                id(problems, "evidenceRef", e.evidenceRef());
                if (e.criterionCodes().isEmpty()) {
                    problems.add("criterionCodes must name at least one criterion");
                }
                e.criterionCodes().forEach(code -> id(problems, "criterionCodes[]", code));
            }
            case CriterionAssessed a -> {
                unit(problems, a.unitCode(), a.unitVersion());
                id(problems, "criterionCode", a.criterionCode());
                id(problems, "assessorId", a.assessorId());
                if (a.outcome() == null) {
                    problems.add("outcome is required (MET or NOT_YET_MET)");
                }
            }
            case CriterionVerified v -> {
                unit(problems, v.unitCode(), v.unitVersion());
                id(problems, "criterionCode", v.criterionCode());
                id(problems, "verifierId", v.verifierId());
            }
            case LearnerWithdrawn w -> {
            }
        }
        return problems;
    }

    private static void unit(List<String> problems, String unitCode, int unitVersion) {
        id(problems, "unitCode", unitCode);
        if (unitVersion < 1) {
            problems.add("unitVersion must be 1 or more");
        }
    }

    private static void id(List<String> problems, String field, String value) {
        Identifiers.problem(field, value).ifPresent(problems::add);
    }
}
