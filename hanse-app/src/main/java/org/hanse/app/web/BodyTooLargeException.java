package org.hanse.app.web;

import java.io.IOException;

/** A request body went past its limit while being read; an I/O error so that it ends every reader at once. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
