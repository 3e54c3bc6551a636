package io.qualtrack.report.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers, asked for by a browser: the pages' own 404 page. Callers wanting JSON
 * still get the API's problem details, since this handler only produces HTML.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddress {

    @ExceptionHandler(exception = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("pages/problem");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("title", "There is no page at this address");
        page.addObject("message", "Check the address, or go to the start page.");
        return page;
    }
}
