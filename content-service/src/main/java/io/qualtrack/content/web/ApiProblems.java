package io.qualtrack.content.web;

import io.qualtrack.content.catalogue.InvalidUnitException;
import io.qualtrack.content.catalogue.QualificationNotFoundException;
import io.qualtrack.content.catalogue.UnitNotFoundException;
import io.qualtrack.content.catalogue.UnitVersionConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Every error as an RFC 9457 problem detail with a message meant for the caller, never a stack trace. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidUnitException.class)
    ProblemDetail invalidUnit(InvalidUnitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The unit was not stored: " + String.join("; ", e.violations().stream().map(v -> v.message()).toList()));
        problem.setTitle("Invalid unit");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler({UnitNotFoundException.class, QualificationNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(UnitVersionConflictException.class)
    ProblemDetail conflict(UnitVersionConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Concurrent edit");
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(e));
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException json && json.getLocation() != null) {
            return "The request body is not valid JSON for this request (line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr() + ").";
        }
        return "The request body is missing or is not valid JSON for this request.";
    }
}
