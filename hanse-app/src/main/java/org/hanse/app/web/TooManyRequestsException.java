package org.hanse.app.web;

import java.time.Duration;

/** The caller asks more often than it may (e.g. a partner on the polling list reads twice in one period). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
