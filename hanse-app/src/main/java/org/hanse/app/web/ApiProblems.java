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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

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

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
        return tooLarge(e);
    }

    /** 413 for a body cut off at its limit. */
    static ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        // The client may still be sending: closing the connection stops it from streaming the rest into the server.
        return ResponseEntity.status(413).header("Connection", "close").contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.valueOf(413), "body-too-large", e.getMessage(),
                        List.of(new Problem("", "body larger than " + e.limit() + " bytes"))).getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = tooLargeCause(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body could not be read",
                List.of(new Problem(JsonPaths.of(e), String.valueOf(e.getMostSpecificCause().getMessage()))));
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

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", e.getMessage(), List.of(e.problem()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage(), List.of()).getBody());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(org.springframework.dao.PessimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Concurrent changes collided; nothing was stored, retry", List.of()).getBody());
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(org.springframework.dao.DataIntegrityViolationException e) {
        LOG.warn("integrity violation", e);
        return problem(HttpStatus.CONFLICT, "conflict", "The request conflicts with stored data; nothing was stored", List.of());
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(org.springframework.web.servlet.resource.NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such resource: /" + e.getResourcePath(), List.of());
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(org.springframework.web.HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage(), List.of());
    }

    /** Anything unexpected: logged with its stack, answered without internals; the transaction was rolled back. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        BodyTooLargeException tooLarge = tooLargeCause(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        if (e instanceof org.springframework.web.ErrorResponse known) {
            // Spring MVC's own request errors (missing parameter, not acceptable, …) keep their status.
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(status, "request", String.valueOf(known.getBody().getDetail()), List.of());
        }
        LOG.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred; nothing was stored", List.of());
    }

    /** The body-limit overflow behind a reader's error, however deep a parser wrapped it; null if there is none. */
    static BodyTooLargeException tooLargeCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
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
