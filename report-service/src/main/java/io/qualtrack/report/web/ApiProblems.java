package io.qualtrack.report.web;

import io.qualtrack.report.cohort.InvalidQueryException;
import io.qualtrack.report.cohort.NotFoundException;
import io.qualtrack.web.ProblemDetailsAdvice;
import io.qualtrack.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class ApiProblems extends ProblemDetailsAdvice {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail badParameter(InvalidQueryException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }
}
