package org.hanse.core.node;

import java.time.Duration;

/** How long a node waits for an acknowledgement and how often it retries before a message is TIMED_OUT. */
public record ResponseTimeout(Duration waitFor, int retries) {

    /** Default when a config file leaves the timeout out. */
    public static final ResponseTimeout DEFAULT = new ResponseTimeout(Duration.ofHours(4), 2);

    public ResponseTimeout {
        if (waitFor == null || waitFor.isZero() || waitFor.isNegative()) {
            throw new IllegalArgumentException("wait must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
    }

    /** Total silence after which a message counts as TIMED_OUT: wait × (retries + 1). */
    public Duration silenceLimit() {
        return waitFor.multipliedBy(retries + 1L);
    }

    /** Whether a message sent at {@code sentAt} and still unanswered at {@code now} is TIMED_OUT. */
    public boolean expired(java.time.Instant sentAt, java.time.Instant now) {
        return !now.isBefore(sentAt.plus(silenceLimit()));
    }
}
