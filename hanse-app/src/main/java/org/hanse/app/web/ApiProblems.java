package org.hanse.app.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hanse.core.dictionary.IncompatibleUnitsException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every API error into RFC 9457 problem+json; validation errors list each field path and message. */
@RestControllerAdvice
class ApiProblems {

    static final String TYPE_BASE = "https://hanse.example/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request has " + e.problems().size()
                + (e.problems().size() == 1 ? " problem" : " problems"), e.problems());
    }

    @ExceptionHandler(IncompatibleUnitsException.class)
    ResponseEntity<ProblemDetail> incompatible(IncompatibleUnitsException e) {
        return problem(HttpStatus.BAD_REQUEST, "incompatible-units", e.getMessage(), List.of(new Problem("to", e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body could not be read",
                List.of(new Problem("", String.valueOf(e.getMostSpecificCause().getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "A parameter has the wrong type",
                List.of(new Problem(e.getName(), "must be a " + (e.getRequiredType() == null ? "valid value" : e.getRequiredType().getSimpleName()))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "A header is missing",
                List.of(new Problem(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), List.of());
    }

    /** A problem+json response; {@code errors} is always present so clients can rely on it. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, List<Problem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("errors", errors.stream().map(ApiProblems::error).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Map<String, String> error(Problem problem) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("path", problem.path());
        m.put("message", problem.message());
        return m;
    }
}
