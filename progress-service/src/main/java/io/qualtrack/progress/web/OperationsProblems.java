package io.qualtrack.progress.web;

import io.qualtrack.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The operations API's answer to a request it cannot carry out as asked, whichever feature's endpoint refused it. */
@RestControllerAdvice
class OperationsProblems {

    @ExceptionHandler(InvalidOperationException.class)
    ProblemDetail invalid(InvalidOperationException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }
}
