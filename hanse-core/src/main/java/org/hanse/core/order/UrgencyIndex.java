package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;

/** U = w_priority · R / max(ε, D − now), with R and D − now in hours (DESIGN 3.5). */
public final class UrgencyIndex {

    /** ε: the smallest time to due counted, so an order due now or overdue has a finite, very high urgency. */
    public static final Duration EPSILON = Duration.ofMinutes(1);

    private UrgencyIndex() {
    }

    public static double of(Priority priority, Duration required, Instant now, Instant due) {
        Duration toDue = Duration.between(now, due);
        double denominator = Math.max(hours(EPSILON), hours(toDue));
        return priority.weight() * hours(required) / denominator;
    }

    static double hours(Duration d) {
        return d.toNanos() / 3.6e12;
    }
}
