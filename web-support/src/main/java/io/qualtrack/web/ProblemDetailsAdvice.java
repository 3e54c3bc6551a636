package io.qualtrack.web;

import io.qualtrack.security.ForbiddenActionException;
import io.qualtrack.security.NotYoursException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The base of every service's {@code @RestControllerAdvice}: Spring MVC's own errors as RFC 9457
 * problem details, an unreadable body explained without naming a class or showing a stack trace, and a body that grew
 * past {@link RequestBodyLimit} while it was read answered 413.
 */
public abstract class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge.isPresent() && request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
            // written as the filter writes it, whole and at once, not by a converter after the connection may be gone
            try {
                RequestBodyLimit.refuse(servlet.getResponse(), tooLarge.get().maxBytes());
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            return null;
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body", unreadableBody(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(NotYoursException.class)
    ResponseEntity<ProblemDetail> notYours(NotYoursException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenActionException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException json && json.getLocation() != null) {
            return "The request body is not valid JSON for this request (line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr() + ").";
        }
        return "The request body is missing or is not valid JSON for this request.";
    }
}
