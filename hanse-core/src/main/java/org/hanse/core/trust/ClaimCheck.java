package org.hanse.core.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Measured information accuracy (RULES 3.8): a supplier's claims about a delivery compared with what the buyer recorded.
 * A claim made at {@code at} promising arrival by {@code expectedBy} is confirmed when it was made before the delivery and
 * the delivery came no later than {@code expectedBy} + tolerance; a claim without a promised time (a checkpoint) only has
 * to precede the delivery. q_i = confirmed / (claims + false messages), 1 without any.
 */
public final class ClaimCheck {

    private ClaimCheck() {
    }

    /**
     * One claim: what was claimed, when (null for a claim that precedes every delivery by construction, such as the
     * order's confirmation), and the arrival it promised (null when it promised none).
     */
    public record Claim(String what, Instant at, Instant expectedBy) {
    }

    public static boolean confirmed(Claim claim, Instant deliveredAt, Duration tolerance) {
        if (claim.at() != null && claim.at().isAfter(deliveredAt)) {
            return false;
        }
        return claim.expectedBy() == null || !deliveredAt.isAfter(claim.expectedBy().plus(tolerance));
    }

    /** How many of the claims the delivery confirmed. */
    public static int confirmed(List<Claim> claims, Instant deliveredAt, Duration tolerance) {
        return (int) claims.stream().filter(c -> confirmed(c, deliveredAt, tolerance)).count();
    }
}
