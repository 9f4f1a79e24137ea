package org.hanse.core.exit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * The capacity a leaving node still offers (RULES 3.9): a series of steps "from this date, this share of the declared
 * capacity" until the exit, nothing from the exit date on. New orders are capped by it.
 */
public record RemainingCapacity(Instant exitAt, List<Step> steps) {

    /** From {@code from} (inclusive) on, {@code share} ∈ [0, 1] of the declared capacity. */
    public record Step(LocalDate from, double share) {
        public Step {
            if (share < 0 || share > 1 || Double.isNaN(share)) {
                throw new IllegalArgumentException("a remaining-capacity share must lie in [0, 1]");
            }
        }
    }

    public RemainingCapacity {
        steps = steps.stream().sorted(Comparator.comparing(Step::from)).toList();
    }

    /** The share of declared capacity on {@code date}: 0 from the exit date on, else the last step begun, else 1. */
    public double share(LocalDate date) {
        if (!date.isBefore(LocalDate.ofInstant(exitAt, ZoneOffset.UTC))) {
            return 0;
        }
        double share = 1;
        for (Step s : steps) {
            if (!s.from().isAfter(date)) {
                share = s.share();
            }
        }
        return share;
    }
}
