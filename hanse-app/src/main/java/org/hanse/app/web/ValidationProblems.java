package org.hanse.app.web;

import java.util.ArrayList;
import java.util.List;
import org.hanse.core.validation.Problem;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean Validation failures of typed request records ({@code @Valid @RequestBody}) and of constrained parameters as the
 * same problem+json 400 as every other invalid input: one {@code errors[]} entry per violated path.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ValidationProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> body(MethodArgumentNotValidException e) {
        List<Problem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new Problem(error.getField(), String.valueOf(error.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> problems.add(new Problem("", String.valueOf(error.getDefaultMessage()))));
        return invalid(problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> parameters(HandlerMethodValidationException e) {
        List<Problem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String path = error instanceof FieldError field ? field.getField() : name == null ? "" : name;
                problems.add(new Problem(path, String.valueOf(error.getDefaultMessage())));
            }
        });
        return invalid(problems);
    }

    private static ResponseEntity<ProblemDetail> invalid(List<Problem> problems) {
        List<Problem> sorted = problems.stream().sorted(java.util.Comparator.comparing(Problem::path)).toList();
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-input",
                "The request has " + sorted.size() + (sorted.size() == 1 ? " problem" : " problems"), sorted);
    }
}
