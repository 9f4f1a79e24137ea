package org.hanse.core.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Trust of a truster in a trustee (RULES 3.8): T = Σ e^(−(now − t_k)/τ) · r_k / Σ e^(−(now − t_k)/τ) over the
 * interactions in the window W = clamp(20 / f, 14 d, 365 d), f = interactions per day over the last year,
 * τ = W / 3; no interaction → 1.0. Each confirmed penalty multiplies T by (1 − π₀ · a · e^(−(now − t_j)/(4τ))). Times count
 * to the second.
 */
public final class TrustValue {

    public static final Duration MIN_WINDOW = Duration.ofDays(org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust().minWindowDays());
    public static final Duration MAX_WINDOW = Duration.ofDays(org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust().maxWindowDays());
    public static final double PI_0 = org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust().pi0();
    private static final org.hanse.core.parameters.NetworkParameters.TrustParameters DEFAULTS = org.hanse.core.parameters.NetworkParameters.DEFAULTS.trust();
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

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
        return window(perDay, DEFAULTS);
    }

    /** W with the network's window bounds. */
    public static Duration window(double perDay, org.hanse.core.parameters.NetworkParameters.TrustParameters p) {
        Duration min = Duration.ofDays(p.minWindowDays());
        Duration max = Duration.ofDays(p.maxWindowDays());
        if (perDay <= 0) {
            return max;
        }
        double days = 20 / perDay;
        Duration w = Duration.ofSeconds(Math.round(days * 86_400));
        if (w.compareTo(min) < 0) {
            return min;
        }
        return w.compareTo(max) > 0 ? max : w;
    }

    /** f: interactions in the year before now, per day. */
    public static double frequency(List<Interaction> interactions, Instant now) {
        return frequency(seconds(interactions), 0, interactions.size(), now.getEpochSecond());
    }

    /**
     * f over a history kept as epoch seconds in {@code atSeconds[from, to)}: the form engines use to keep long histories
     * without objects (the simulator). Times count to the second, in both forms.
     */
    public static double frequency(long[] atSeconds, int from, int to, long nowSeconds) {
        long yearAgo = nowSeconds - YEAR_SECONDS;
        long count = 0;
        for (int k = from; k < to; k++) {
            long at = atSeconds[k];
            if (at >= yearAgo && at <= nowSeconds) {
                count++;
            }
        }
        return count / 365.0;
    }

    /** The decay weight e^(−age/τ) of an interaction. */
    public static double weight(Instant at, Instant now, Duration tau) {
        return weight(Duration.between(at, now).toSeconds(), tau.toSeconds());
    }

    /** The decay weight e^(−age/τ), age and τ in seconds. */
    public static double weight(long ageSeconds, double tauSeconds) {
        return Math.exp(-(double) ageSeconds / tauSeconds);
    }

    /** T before penalties, over the interactions in the window. */
    public static double reciprocal(List<Interaction> interactions, Instant now) {
        return reciprocal(interactions, now, DEFAULTS);
    }

    /** T before penalties, with the network's window bounds and cap. */
    public static double reciprocal(List<Interaction> interactions, Instant now, org.hanse.core.parameters.NetworkParameters.TrustParameters p) {
        double[] r = new double[interactions.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = interactions.get(k).reciprocity();
        }
        return reciprocal(seconds(interactions), r, 0, r.length, now.getEpochSecond(), p);
    }

    /** T before penalties over a history kept as parallel arrays (epoch seconds and r, entries [from, to)). */
    public static double reciprocal(long[] atSeconds, double[] reciprocity, int from, int to, long nowSeconds) {
        return reciprocal(atSeconds, reciprocity, from, to, nowSeconds, DEFAULTS);
    }

    /** As {@link #reciprocal(long[], double[], int, int, long)} with the network's window bounds and cap. */
    public static double reciprocal(long[] atSeconds, double[] reciprocity, int from, int to, long nowSeconds, org.hanse.core.parameters.NetworkParameters.TrustParameters p) {
        long w = window(frequency(atSeconds, from, to, nowSeconds), p).toSeconds();
        // τ = W / 3, to the second (as Duration.dividedBy(3).toSeconds()).
        double tau = w / 3;
        long start = nowSeconds - w;
        double num = 0;
        double den = 0;
        for (int k = from; k < to; k++) {
            long at = atSeconds[k];
            if (at < start || at > nowSeconds) {
                continue;
            }
            double weight = weight(nowSeconds - at, tau);
            num += weight * reciprocity[k];
            den += weight;
        }
        // A weighted mean of values in [0, 1.5] lies in [0, 1.5]; the clamp only removes floating-point residue.
        return den == 0 ? 1.0 : Math.max(0, Math.min(p.reciprocityCap(), num / den));
    }

    private static long[] seconds(List<Interaction> interactions) {
        long[] at = new long[interactions.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = interactions.get(k).at().getEpochSecond();
        }
        return at;
    }

    /** T with penalties applied. */
    public static double of(List<Interaction> interactions, List<Penalty> penalties, Instant now) {
        return of(interactions, penalties, now, DEFAULTS);
    }

    /** T with penalties applied, with the network's window bounds, cap and π_0. */
    public static double of(List<Interaction> interactions, List<Penalty> penalties, Instant now,
                            org.hanse.core.parameters.NetworkParameters.TrustParameters params) {
        double t = reciprocal(interactions, now, params);
        Duration tau = window(frequency(interactions, now), params).dividedBy(3);
        for (Penalty p : penalties) {
            if (p.at().isAfter(now)) {
                continue;
            }
            double decay = Math.exp(-(double) Duration.between(p.at(), now).toSeconds() / (4.0 * tau.toSeconds()));
            t *= 1 - params.pi0() * Math.max(0, Math.min(1, p.asymmetry())) * decay;
        }
        return t;
    }
}
