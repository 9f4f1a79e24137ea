package org.hanse.app.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * A request went unanswered for its recipient's silence limit: a missing message of {@code silent} toward
 * {@code requester} (RULES 3.8). {@code order} is the order the request was about, null if none.
 */
public record ResponseTimedOut(String request, String type, String requester, String silent, String order, Instant sentAt,
                               Instant timedOutAt, Duration silenceLimit, int redelivered) {
}
