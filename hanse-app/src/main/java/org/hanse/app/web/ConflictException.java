package org.hanse.app.web;

/** The request clashes with the current state, e.g. an id reused with different content. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
