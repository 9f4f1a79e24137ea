package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;

/** U = w_priority · R / max(ε, D − now), with R and D − now in hours (RULES 3.5). */
public final class UrgencyIndex {

    /** ε: the smallest time to due counted, so an order due now or overdue has a finite, very high urgency. */
    public static final Duration EPSILON = Duration.ofMinutes(1);

    private UrgencyIndex() {
    }

    public static double of(Priority priority, Duration required, Instant now, Instant due) {
        return of(priority.weight(), hours(required), hours(Duration.between(now, due)));
    }

    /** U = w · R / max(ε, D − now), with R and D − now in hours (the simulator's form of the same rule). */
    public static double of(double weight, double requiredHours, double hoursToDue) {
        return weight * requiredHours / Math.max(hours(EPSILON), hoursToDue);
    }

    /** Hours of any Duration: seconds and nanos apart, since toNanos() overflows beyond 292 years (a huge order). */
    static double hours(Duration d) {
        return d.getSeconds() / 3600.0 + d.getNano() / 3.6e12;
    }
}
