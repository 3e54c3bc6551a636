package io.qualtrack.progress.web;

import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.progress.tracking.EnrolmentStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
class LearnerProgressController {

    private final EnrolmentStore enrolments;

    LearnerProgressController(EnrolmentStore enrolments) {
        this.enrolments = enrolments;
    }

    record LearnerProgress(String learnerId, List<Enrolment> enrolments) {
    }

    /** One enrolment's progress at a revision of the write side. */
    record Enrolment(long revision, Instant updatedAt, EnrolmentProgress progress) {
    }

    /** Every enrolment of the learner, down to each criterion. */
    @GetMapping("/api/learners/{learnerId}/progress")
    LearnerProgress progress(@PathVariable String learnerId) {
        List<Enrolment> found = enrolments.ofLearner(learnerId).stream()
                .map(s -> new Enrolment(s.revision(), s.updatedAt(), s.progress())).toList();
        if (found.isEmpty()) {
            throw new LearnerNotFoundException(learnerId);
        }
        return new LearnerProgress(learnerId, found);
    }
}
