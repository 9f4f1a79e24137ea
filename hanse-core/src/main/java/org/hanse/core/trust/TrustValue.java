package org.hanse.core.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Trust of a truster in a trustee (DESIGN 3.8): T = Σ e^(−(now − t_k)/τ) · r_k / Σ e^(−(now − t_k)/τ) over the
 * interactions in the window W = clamp(20 / f, 14 d, 365 d), f = interactions per day over the last year,
 * τ = W / 3; no interaction → 1.0. Each confirmed penalty multiplies T by (1 − π₀ · a · e^(−(now − t_j)/(4τ))).
 */
public final class TrustValue {

    public static final Duration MIN_WINDOW = Duration.ofDays(14);
    public static final Duration MAX_WINDOW = Duration.ofDays(365);
    public static final double PI_0 = 0.5;

    private TrustValue() {
    }

    /** A rated interaction. */
    public record Interaction(Instant at, double reciprocity) {
    }

    /** A confirmed penalty with its information asymmetry a ∈ [0, 1]. */
    public record Penalty(Instant at, double asymmetry) {
    }

    /** a = concealed time / lead time, capped to [0, 1] (a lead time of zero counts as full asymmetry). */
    public static double asymmetry(Duration concealed, Duration leadTime) {
        if (concealed.isNegative() || concealed.isZero()) {
            return 0;
        }
        return leadTime.isZero() || leadTime.isNegative() ? 1 : Math.min(1, (double) concealed.toSeconds() / leadTime.toSeconds());
    }

    /** W for a frequency of f interactions per day. */
    public static Duration window(double perDay) {
        if (perDay <= 0) {
            return MAX_WINDOW;
        }
        double days = 20 / perDay;
        Duration w = Duration.ofSeconds(Math.round(days * 86_400));
        if (w.compareTo(MIN_WINDOW) < 0) {
            return MIN_WINDOW;
        }
        return w.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : w;
    }

    /** f: interactions in the year before now, per day. */
    public static double frequency(List<Interaction> interactions, Instant now) {
        Instant yearAgo = now.minus(Duration.ofDays(365));
        long count = 0;
        for (Interaction i : interactions) {
            if (!i.at().isBefore(yearAgo) && !i.at().isAfter(now)) {
                count++;
            }
        }
        return count / 365.0;
    }

    /** The decay weight e^(−age/τ) of an interaction. */
    public static double weight(Instant at, Instant now, Duration tau) {
        return Math.exp(-(double) Duration.between(at, now).toSeconds() / tau.toSeconds());
    }

    /** T before penalties, over the interactions in the window. */
    public static double reciprocal(List<Interaction> interactions, Instant now) {
        Duration w = window(frequency(interactions, now));
        Duration tau = w.dividedBy(3);
        Instant from = now.minus(w);
        double num = 0;
        double den = 0;
        for (Interaction i : interactions) {
            if (i.at().isBefore(from) || i.at().isAfter(now)) {
                continue;
            }
            double k = weight(i.at(), now, tau);
            num += k * i.reciprocity();
            den += k;
        }
        // A weighted mean of values in [0, 1.5] lies in [0, 1.5]; the clamp only removes floating-point residue.
        return den == 0 ? 1.0 : Math.max(0, Math.min(Reciprocity.CAP, num / den));
    }

    /** T with penalties applied. */
    public static double of(List<Interaction> interactions, List<Penalty> penalties, Instant now) {
        double t = reciprocal(interactions, now);
        Duration tau = window(frequency(interactions, now)).dividedBy(3);
        for (Penalty p : penalties) {
            if (p.at().isAfter(now)) {
                continue;
            }
            double decay = Math.exp(-(double) Duration.between(p.at(), now).toSeconds() / (4.0 * tau.toSeconds()));
            t *= 1 - PI_0 * Math.max(0, Math.min(1, p.asymmetry())) * decay;
        }
        return t;
    }
}
