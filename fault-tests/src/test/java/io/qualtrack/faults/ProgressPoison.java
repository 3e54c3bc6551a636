package io.qualtrack.faults;

import io.qualtrack.contract.activity.LearnerEnrolled;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.contract.progress.UnitProgress;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A record on the progress topic that report-service must dead-letter, keyed by a good learner of the scenario so it
 * lands on that learner's partition, ahead of their snapshots. Had one of them been stored, its cohort would count a
 * learner the scenario never enrolled.
 */
record ProgressPoison(String key, byte[] payload, String learnerId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Kind { NOT_JSON, NUL_IN_LEARNER_ID, MET_AFTER_YEAR_999999999, OCCURRED_AT_INSTANT_MIN }

    static ProgressPoison of(Kind kind, LearnerEnrolled good) {
        String key = good.learnerId();
        return switch (kind) {
            case NOT_JSON -> new ProgressPoison(key, ("not a snapshot: " + key).getBytes(StandardCharsets.UTF_8), null);
            case NUL_IN_LEARNER_ID -> snapshot(key, good, good.learnerId() + "-\u0000x", good.occurredAt(), good.occurredAt());
            case MET_AFTER_YEAR_999999999 -> snapshot(key, good, good.learnerId() + "-FAR", good.occurredAt(),
                    Instant.parse("+1000000000-12-31T23:59:59Z"));
            case OCCURRED_AT_INSTANT_MIN -> snapshot(key, good, good.learnerId() + "-MIN", Instant.MIN, good.occurredAt());
        };
    }

    private static ProgressPoison snapshot(String key, LearnerEnrolled good, String learnerId, Instant occurredAt, Instant metAt) {
        var summary = new ProgressSummary(1, 0, 0, 1, 0, 100.0, 0.0, ProgressStatus.MET);
        var criterion = new CriterionProgress("1.1", "Criterion 1.1", CriterionProgress.CriterionStatus.MET, List.of("poison"), metAt,
                new CriterionProgress.Decision("MET", "assessor", metAt), null);
        var unit = new UnitProgress("POISON-U", 1, "Poison", summary,
                List.of(new LearningOutcomeProgress("LO1", "Poison", summary, List.of(criterion))));
        var progress = new EnrolmentProgress(learnerId, good.qualificationCode(), "Poison", good.centreId(), good.cohortId(),
                good.startDate(), good.plannedEndDate(), EnrolmentProgress.EnrolmentStatus.ACTIVE, good.occurredAt(), null, metAt,
                summary, List.of(unit));
        var changed = new EnrolmentProgressChanged(UUID.randomUUID(), occurredAt, ProgressEvent.SCHEMA_VERSION, learnerId,
                good.qualificationCode(), 1, progress);
        return new ProgressPoison(key, JSON.writerFor(ProgressEvent.class).writeValueAsBytes(changed), learnerId);
    }

    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
