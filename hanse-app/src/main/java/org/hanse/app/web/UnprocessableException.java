package org.hanse.app.web;

import org.hanse.core.validation.Problem;

/** The request is well-formed but contradicted by the records (e.g. a missed delivery that is not due yet): 422 naming the path and why. */
public class UnprocessableException extends RuntimeException {

    private final transient Problem problem;

    public UnprocessableException(String path, String message) {
        super(message);
        this.problem = new Problem(path, message);
    }

    public Problem problem() {
        return problem;
    }
}
