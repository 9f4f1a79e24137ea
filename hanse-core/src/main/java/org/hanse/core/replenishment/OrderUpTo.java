package org.hanse.core.replenishment;

/**
 * The order-up-to policy of Chen, Drezner, Ryan &amp; Simchi-Levi (2000): target y_t = L · D̂_t + z · σ̂_t · √L with D̂_t the
 * p-period moving average of the demand the stage observes, and order q_t = y_t − y_{t−1} + d_t (the demand just
 * observed, replaced, plus the change of target). With z = 0 and i.i.d. demand the order variance is exactly
 * (1 + 2L/p + 2L²/p²) · σ² (their lower bound holds with equality). Negative orders are returns; where they are not
 * allowed the order is floored at 0.
 */
public final class OrderUpTo {

    private OrderUpTo() {
    }

    /** y_t for lead time L (periods), forecast D̂, safety factor z and demand standard deviation σ̂ per period. */
    public static double target(double leadTime, double forecast, double z, double sigma) {
        return leadTime * forecast + z * sigma * Math.sqrt(leadTime);
    }

    /** The same target from the demand variance σ̂² (one square root: z · √(σ̂² · L) = z · σ̂ · √L). */
    public static double targetFromVariance(double leadTime, double forecast, double z, double variance) {
        return z == 0 ? leadTime * forecast : leadTime * forecast + z * Math.sqrt(variance * leadTime);
    }

    /** q_t = y_t − y_{t−1} + d_t, floored at 0 unless negative orders are allowed. */
    public static double order(double target, double previousTarget, double demand, boolean allowNegative) {
        double q = target - previousTarget + demand;
        return allowNegative || q > 0 ? q : 0;
    }

    /** The published single-stage bullwhip ratio for i.i.d. demand: 1 + 2L/p + 2L²/p² (Chen et al. 2000, z = 0). */
    public static double bullwhip(double leadTime, int p) {
        return 1 + 2 * leadTime / p + 2 * leadTime * leadTime / ((double) p * p);
    }

    /**
     * The published bound for stage k of a multi-stage chain (Chen et al. 2000): decentralized, the product over the
     * stages of 1 + 2L_i/p + 2L_i²/p²; centralized (every stage forecasts from end-customer demand), 1 + 2ΣL_i/p + 2(ΣL_i)²/p².
     */
    public static double bullwhip(double[] leadTimes, int p, boolean centralized) {
        if (centralized) {
            double sum = 0;
            for (double l : leadTimes) {
                sum += l;
            }
            return bullwhip(sum, p);
        }
        double product = 1;
        for (double l : leadTimes) {
            product *= bullwhip(l, p);
        }
        return product;
    }

    /** Base stock for a known demand process: S = L · μ + z · σ · √L (protects L periods of demand). */
    public static double baseStock(double leadTime, double mean, double sigma, double z) {
        return target(leadTime, mean, z, sigma);
    }

    /** The order under base stock (or min–max): raise the inventory position back to S, never negative. */
    public static double toLevel(double level, double inventoryPosition) {
        return Math.max(0, level - inventoryPosition);
    }
}
