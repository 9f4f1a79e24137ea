package org.hanse.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of web pages as HTML: the same statuses and messages as the API's problem+json, each field path listed.
 * An htmx request gets just the message (shown in the page's live region); a full request gets a page.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger LOG = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(Exception.class)
    ModelAndView problem(Exception e, HttpServletRequest request, HttpServletResponse response) {
        int status;
        String detail = e.getMessage();
        List<Problem> errors = List.of();
        if (e instanceof InvalidInputException invalid) {
            status = 422;
            errors = invalid.problems();
            detail = "Please correct " + (errors.size() == 1 ? "this problem" : "these " + errors.size() + " problems");
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof ForbiddenException) {
            status = 403;
            detail = "You may not see or do this: " + e.getMessage();
        } else if (e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof TooManyRequestsException) {
            status = 429;
        } else if (e instanceof org.springframework.web.ErrorResponse known) {
            status = known.getStatusCode().value();
            detail = String.valueOf(known.getBody().getDetail());
        } else {
            LOG.error("unexpected error on page {}", request.getRequestURI(), e);
            status = 500;
            detail = "Something went wrong; nothing was stored. Please try again.";
        }
        response.setStatus(status);
        boolean htmx = request.getHeader("HX-Request") != null;
        ModelAndView view = new ModelAndView(htmx ? "problem :: message" : "problem");
        view.addObject("status", status);
        view.addObject("detail", detail);
        view.addObject("errors", errors);
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return view;
    }
}
