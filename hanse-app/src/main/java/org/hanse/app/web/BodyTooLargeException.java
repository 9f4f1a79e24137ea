package org.hanse.app.web;

/**
 * A request body went past its limit while being read. Unchecked on purpose: message converters wrap I/O errors
 * into a generic 400, but let this pass untouched to {@code ApiProblems}, which answers 413.
 */
public class BodyTooLargeException extends RuntimeException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
