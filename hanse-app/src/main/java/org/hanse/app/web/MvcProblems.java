package org.hanse.app.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own request errors as problem+json, in place of Spring Boot's default handler (which it replaces,
 * same order, same answers), except a body that a parser gave up on because {@link RequestBodyLimit} cut it off:
 * that is 413, not "Failed to read request".
 */
@ControllerAdvice
@Order(0)
class MvcProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = ApiProblems.tooLargeCause(ex);
        if (tooLarge != null) {
            ResponseEntity<?> answer = ApiProblems.tooLarge(tooLarge);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }
}
