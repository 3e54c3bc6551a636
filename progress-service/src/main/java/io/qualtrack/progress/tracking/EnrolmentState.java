package io.qualtrack.progress.tracking;

import io.qualtrack.progress.enrolment.EnrolmentId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an enrolment's progress is computed from, and all the write side stores for it besides the events
 * themselves: bounded by the qualification's size (one record per criterion touched), never by the history.
 *
 * @param terms        the latest enrolment event's terms (a re-enrolment replaces them); null until enrolled
 * @param enrolledAt   when the first enrolment event occurred
 * @param withdrawal   the latest withdrawal; it counts only if it came after the latest enrolment
 * @param unitVersions per unit, the highest version any activity used
 */
public record EnrolmentState(EnrolmentId id, @Nullable Terms terms, @Nullable Instant enrolledAt,
                             @Nullable Occurrence withdrawal, @Nullable Instant lastActivityAt,
                             Map<String, Integer> unitVersions, Map<CriterionKey, CriterionRecord> criteria) {

    public EnrolmentState {
        unitVersions = Map.copyOf(unitVersions);
        criteria = Map.copyOf(criteria);
    }

    public record Terms(Occurrence enrolment, String cohortId, LocalDate startDate, LocalDate plannedEndDate) {
    }

    public static EnrolmentState empty(EnrolmentId id) {
        return new EnrolmentState(id, null, null, null, null, Map.of(), Map.of());
    }

    public boolean enrolled() {
        return terms != null;
    }

    /** When the learner withdrew, if they did after their latest enrolment. */
    public @Nullable Instant withdrawnAt() {
        return withdrawal != null && terms != null && withdrawal.isAfter(terms.enrolment()) ? withdrawal.at() : null;
    }
}
