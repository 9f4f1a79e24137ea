package org.hanse.core.node;

import java.time.Duration;
import java.time.Instant;

/**
 * When an unanswered request is re-delivered and when it times out (RULES 3.8). The recipient declares wait and retries;
 * its silence limit L = wait × (retries + 1) is kept exactly, and the re-deliveries back off inside it: the k-th
 * (k = 1 … retries) is due at sent + L · (b^k − 1) / (b^(retries+1) − 1) for a back-off factor b &gt; 1, and at
 * sent + k · wait for b = 1.
 */
public final class Redelivery {

    /** What to do with an unanswered request now. */
    public enum Step { WAIT, REDELIVER, TIME_OUT }

    private Redelivery() {
    }

    /** The time the {@code k}-th re-delivery is due (1 ≤ k ≤ retries). */
    public static Instant due(Instant sentAt, int k, ResponseTimeout timeout, double backoff) {
        if (k < 1 || k > timeout.retries()) {
            throw new IllegalArgumentException("re-delivery " + k + " outside 1.." + timeout.retries());
        }
        if (!(backoff >= 1) || backoff > 16) {
            throw new IllegalArgumentException("back-off factor must be in [1, 16]");
        }
        long limit = timeout.silenceLimit().toMillis();
        double share = backoff == 1 ? (double) k / (timeout.retries() + 1)
                : (Math.pow(backoff, k) - 1) / (Math.pow(backoff, timeout.retries() + 1) - 1);
        return sentAt.plus(Duration.ofMillis(Math.round(limit * share)));
    }

    /** The step for a request sent at {@code sentAt}, re-delivered {@code redelivered} times so far, still unanswered at {@code now}. */
    public static Step next(Instant sentAt, int redelivered, ResponseTimeout timeout, double backoff, Instant now) {
        if (timeout.expired(sentAt, now)) {
            return Step.TIME_OUT;
        }
        if (redelivered < timeout.retries() && !now.isBefore(due(sentAt, redelivered + 1, timeout, backoff))) {
            return Step.REDELIVER;
        }
        return Step.WAIT;
    }
}
