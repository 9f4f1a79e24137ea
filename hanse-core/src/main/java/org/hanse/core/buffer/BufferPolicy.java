package org.hanse.core.buffer;

import java.time.Duration;

/**
 * A node's buffer parameters (RULES 3.6): service level α (default 0.95), reaction lag r (default 1 day), the
 * order lot Q in days of demand (default 7) and the state-vector period P (default 24 h).
 */
public record BufferPolicy(double serviceLevel, Duration reactionLag, double lotDays, Duration period) {

    public static final BufferPolicy DEFAULT = new BufferPolicy(0.95, Duration.ofDays(1), 7, Duration.ofHours(24));

    public BufferPolicy {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("service level must lie strictly between 0 and 1");
        }
        if (reactionLag.isNegative() || lotDays < 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("reaction lag and lot must not be negative, the period must be positive");
        }
    }

    double reactionLagDays() {
        return reactionLag.toSeconds() / 86_400.0;
    }
}
