package io.qualtrack.progress.tracking.web;

import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.progress.tracking.EnrolmentStore;
import io.qualtrack.security.Caller;
import io.qualtrack.security.NotYoursException;
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

    /**
     * Every enrolment under this learner id the caller may read, down to each criterion: the learner's own at the
     * centres their token names, those at their own centres for staff, all for operations (the same id at two centres
     * is two people; each enrolment names its centre). A learner nobody knows and one the caller may not read get the
     * same 404.
     */
    @GetMapping("/api/learners/{learnerId}/progress")
    LearnerProgress progress(@PathVariable String learnerId, Caller caller) {
        List<Enrolment> readable = enrolments.ofLearner(learnerId).stream()
                .filter(s -> caller.mayReadEnrolment(s.id().centreId(), learnerId))
                .map(s -> new Enrolment(s.revision(), s.updatedAt(), s.progress())).toList();
        if (readable.isEmpty()) {
            throw new NotYoursException("learner " + learnerId);
        }
        return new LearnerProgress(learnerId, readable);
    }
}
