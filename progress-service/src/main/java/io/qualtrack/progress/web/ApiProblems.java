package io.qualtrack.progress.web;

import io.qualtrack.web.ProblemDetailsAdvice;
import io.qualtrack.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class ApiProblems extends ProblemDetailsAdvice {

    @ExceptionHandler(LearnerNotFoundException.class)
    ProblemDetail notFound(LearnerNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }
}
