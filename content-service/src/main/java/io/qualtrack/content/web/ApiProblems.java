package io.qualtrack.content.web;

import io.qualtrack.content.catalogue.InvalidUnitException;
import io.qualtrack.content.catalogue.QualificationNotFoundException;
import io.qualtrack.content.catalogue.UnitNotFoundException;
import io.qualtrack.content.catalogue.UnitVersionConflictException;
import io.qualtrack.content.catalogue.Violation;
import io.qualtrack.web.ProblemDetailsAdvice;
import io.qualtrack.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error as an RFC 9457 problem detail with a message meant for the caller, never a stack trace. */
@RestControllerAdvice
class ApiProblems extends ProblemDetailsAdvice {

    @ExceptionHandler(InvalidUnitException.class)
    ProblemDetail invalidUnit(InvalidUnitException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid unit", "The unit was not stored: "
                + String.join("; ", e.violations().stream().map(Violation::message).toList()));
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler({UnitNotFoundException.class, QualificationNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(UnitVersionConflictException.class)
    ProblemDetail conflict(UnitVersionConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "Concurrent edit", e.getMessage());
    }
}
