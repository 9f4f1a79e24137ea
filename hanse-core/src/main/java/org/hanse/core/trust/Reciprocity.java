package org.hanse.core.trust;

import java.time.Duration;

/**
 * One interaction's qualities and its reciprocity coefficient r = Σ_d w_d · min(q_d / P_d, 1.5) (RULES 3.8):
 * r &gt; 1 means better than promised, each dimension capped at 1.5.
 */
public final class Reciprocity {

    public static final double CAP = org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust().reciprocityCap();

    private Reciprocity() {
    }

    /** q_p: 1 when on time, else max(0, 1 − lateness / promised lead time). */
    public static double punctuality(Duration lateness, Duration promisedLeadTime) {
        if (lateness.isNegative() || lateness.isZero()) {
            return 1;
        }
        return Math.max(0, 1 - (double) lateness.toSeconds() / Math.max(1, promisedLeadTime.toSeconds()));
    }

    /**
     * How far a delivery at {@code at} lies outside the window [earliest, due]: zero inside it, the time before
     * {@code earliest} when early, the time after {@code due} when late — early and late count alike (RULES 3.8).
     */
    public static Duration outsideWindow(java.time.Instant earliest, java.time.Instant due, java.time.Instant at) {
        if (at.isBefore(earliest)) {
            return Duration.between(at, earliest);
        }
        return at.isAfter(due) ? Duration.between(due, at) : Duration.ZERO;
    }

    /** q_q: accepted / delivered (1 when nothing was delivered to inspect). */
    public static double qualified(double accepted, double delivered) {
        return delivered <= 0 ? 1 : Math.max(0, Math.min(1, accepted / delivered));
    }

    /** q_i: status messages later confirmed true over all of them (timeouts and contradictions count as false); 1 without messages. */
    public static double information(int confirmedTrue, int total) {
        return total <= 0 ? 1 : (double) confirmedTrue / total;
    }

    public static double coefficient(Dimensions quality, Dimensions promised, Dimensions weights) {
        return coefficient(quality, promised, weights, CAP);
    }

    /** r with the network's cap of each dimension's q_d / P_d. */
    public static double coefficient(Dimensions quality, Dimensions promised, Dimensions weights, double cap) {
        return weights.punctuality() * capped(quality.punctuality(), promised.punctuality(), cap)
                + weights.qualified() * capped(quality.qualified(), promised.qualified(), cap)
                + weights.information() * capped(quality.information(), promised.information(), cap);
    }

    private static double capped(double q, double promised, double cap) {
        return Math.min(q / promised, cap);
    }
}
