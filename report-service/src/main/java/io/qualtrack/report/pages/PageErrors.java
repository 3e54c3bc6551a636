package io.qualtrack.report.pages;

import io.qualtrack.ratelimit.TooManyRequestsException;
import io.qualtrack.report.cohort.InvalidQueryException;
import io.qualtrack.report.cohort.NotFoundException;
import io.qualtrack.security.NotYoursException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the pages as pages: a reader who follows a stale link or types a bad filter gets a short
 * explanation and a way back, never a stack trace. Ahead of the API's problem details, for pages only.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** Another centre's cohort or learner reads exactly like one that does not exist. */
    @ExceptionHandler({NotFoundException.class, NotYoursException.class})
    ModelAndView notFound(RuntimeException e) {
        return page(HttpStatus.NOT_FOUND, "We could not find that page", capitalised(e.getMessage())
                + ". It may not have had any activity yet, or the link may be mistyped.");
    }

    @ExceptionHandler(InvalidQueryException.class)
    ModelAndView badQuery(InvalidQueryException e, HttpServletRequest request) {
        ModelAndView page = page(HttpStatus.BAD_REQUEST, "That filter or sort does not exist", capitalised(e.getMessage()) + ".");
        page.addObject("withoutFilters", request.getRequestURI());
        return page;
    }

    /** Over the reader's read or export allowance: how long to wait, on the page and in {@code Retry-After}. */
    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        return page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests at once", String.valueOf(e.getBody().getDetail()));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        log.error("A page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side",
                "The page could not be put together just now. Please try again in a moment.");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("pages/problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("fmt", new Formats());
        return page;
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
