package org.hanse.core.buffer;

/**
 * The buffer rule of RULES 3.6, in units of the material and days:
 * SS = z · sqrt(L̄ · σ_d² + d̄² · σ_L²); B_lo = SS + d̄ · r; B_hi = B_lo + d̄ · L̄ + Q with Q = lot days · d̄;
 * T_dep = (on hand − allocated) / d̄. When the downstream shares its forecasts, the upstream passes the
 * downstream's forecast error as σ_d (accurate forecasts shrink upstream buffers).
 */
public final class BufferRule {

    private BufferRule() {
    }

    /** The interval and what it was computed from. */
    public record Thresholds(double safetyStock, double low, double high, double z) {

        public Zone zoneOf(double level) {
            if (level < low) {
                return Zone.BELOW;
            }
            return level > high ? Zone.ABOVE : Zone.INSIDE;
        }
    }

    public static double safetyStock(double z, Statistics demand, Statistics leadTime) {
        return safetyStock(z, demand.mean(), demand.stdDev(), leadTime.mean(), leadTime.stdDev());
    }

    public static double safetyStock(double z, double dBar, double sigmaD, double lBar, double sigmaL) {
        return z * Math.sqrt(lBar * sigmaD * sigmaD + dBar * dBar * sigmaL * sigmaL);
    }

    /**
     * Thresholds from daily demand and lead-time (days) statistics; {@code sharedForecastError}, when not null,
     * replaces σ_d (the downstream shares forecasts).
     */
    public static Thresholds thresholds(BufferPolicy policy, Statistics demand, Statistics leadTime, Double sharedForecastError) {
        double z = NormalQuantile.z(policy.serviceLevel());
        double sigmaD = sharedForecastError != null ? sharedForecastError : demand.stdDev();
        double ss = safetyStock(z, demand.mean(), sigmaD, leadTime.mean(), leadTime.stdDev());
        double low = ss + demand.mean() * policy.reactionLagDays();
        double high = low + demand.mean() * leadTime.mean() + policy.lotDays() * demand.mean();
        return new Thresholds(ss, low, high, z);
    }

    /** Days until the free stock is used up at the mean daily demand; infinite without demand. */
    public static double depletionDays(double onHand, double allocated, double dailyDemand) {
        double free = onHand - allocated;
        if (dailyDemand <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, free) / dailyDemand;
    }

    /** The warning trigger: the free stock runs out before the upstream can replenish (T_dep < its lead time). */
    public static boolean needsExpedite(double depletionDays, double upstreamLeadTimeDays) {
        return depletionDays < upstreamLeadTimeDays;
    }
}
