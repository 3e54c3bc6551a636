package io.qualtrack.progress.web;

class LearnerNotFoundException extends RuntimeException {

    LearnerNotFoundException(String learnerId) {
        super("no enrolment is known for learner " + learnerId);
    }
}
