package org.hanse.core.relation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hanse.core.parameters.NetworkParameters;
import org.hanse.core.parameters.NetworkParameters.DensityParameters;

/**
 * Transaction density of a (buyer, supplier) pair over a window W (RULES 3.2): f = orders / W, m = amount / W (the
 * orders' money value in the reference currency, {@link #amount}),
 * κ = 1 / median(m over the network's active pairs), ρ = w_f · f / f_ref + w_a · κ · m (w_f = w_a = 0.5,
 * f_ref = 1/7 per day); θ1 = 0.5; θ2 = 3 · (1 + φ_s) / (1 + c_sw). The class changes only when ρ passes a threshold
 * by 5 % of it. Every value comes from {@link NetworkParameters} (the constants below are its defaults).
 */
public final class Density {

    private static final DensityParameters DEFAULTS = NetworkParameters.DEFAULTS.density();
    public static final double W_F = DEFAULTS.frequencyWeight();
    public static final double W_A = DEFAULTS.amountWeight();
    public static final double F_REF = DEFAULTS.referenceFrequency();
    public static final double THETA_1 = DEFAULTS.theta1();
    public static final double THETA_2_BASE = DEFAULTS.theta2Base();
    public static final double HYSTERESIS = DEFAULTS.hysteresis();

    private Density() {
    }

    /** Relationship classes with their sharing depth and exception priority. */
    public enum RelationClass {
        MARKET("order status only", "LOW"),
        COLLABORATIVE("order status, buffer state vectors and forecasts", "NORMAL"),
        LOCK_IN_RISK("as collaborative, plus diversification advice", "HIGH");

        private final String sharingDepth;
        private final String exceptionPriority;

        RelationClass(String sharingDepth, String exceptionPriority) {
            this.sharingDepth = sharingDepth;
            this.exceptionPriority = exceptionPriority;
        }

        public String sharingDepth() {
            return sharingDepth;
        }

        public String exceptionPriority() {
            return exceptionPriority;
        }

        /** Whether buffer state vectors and forecasts are exchanged. */
        public boolean sharesBuffers() {
            return this != MARKET;
        }
    }

    /** κ: 1 / median of the pairs' daily amounts (0 when there are none). */
    public static double kappa(List<Double> dailyAmounts) {
        List<Double> active = new ArrayList<>(dailyAmounts.stream().filter(m -> m > 0).toList());
        if (active.isEmpty()) {
            return 0;
        }
        Collections.sort(active);
        int n = active.size();
        double median = n % 2 == 1 ? active.get(n / 2) : (active.get(n / 2 - 1) + active.get(n / 2)) / 2;
        return 1 / median;
    }

    /** An order's value on its order date (an order without prices has none and adds nothing). */
    public record Valued(org.hanse.core.payment.Money value, java.time.LocalDate orderDate) {
    }

    /**
     * The money a pair's orders amount to in the reference currency: each order's value converted at the rate valid on
     * its order date (1,000 EUR + 500 USD at 0.92 = 1,460 EUR); orders in a currency without a rate that day are left
     * out and counted in {@link Amount#unconverted()} so the caller can say the figure is partial.
     */
    public static Amount amount(List<Valued> orders, org.hanse.core.payment.ExchangeRates rates) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        int unconverted = 0;
        for (Valued v : orders) {
            var converted = rates.convert(v.value(), v.orderDate());
            if (converted.isPresent()) {
                sum = sum.add(converted.get().amount());
            } else {
                unconverted++;
            }
        }
        return new Amount(new org.hanse.core.payment.Money(sum, rates.reference()), unconverted);
    }

    /** A pair's order value in the reference currency, and how many orders could not be converted. */
    public record Amount(org.hanse.core.payment.Money total, int unconverted) {
    }

    /** ρ from order count and amount over a window of {@code days}. */
    public static double rho(int orders, double amount, double days, double kappa) {
        return rho(orders, amount, days, kappa, DEFAULTS);
    }

    /** ρ with the network's weights and reference frequency. */
    public static double rho(int orders, double amount, double days, double kappa, DensityParameters p) {
        double f = orders / days;
        double m = amount / days;
        return p.frequencyWeight() * f / p.referenceFrequency() + p.amountWeight() * kappa * m;
    }

    /** θ2 = θ2_base · (1 + φ_s) / (1 + c_sw); φ_s ∈ [0, 1] spare-capacity ratio, c_sw ≥ 0 switching cost in 30-day spends. */
    public static double theta2(double spareCapacity, double switchingCost) {
        return theta2(spareCapacity, switchingCost, DEFAULTS);
    }

    /** θ2 with the network's θ2_base. */
    public static double theta2(double spareCapacity, double switchingCost, DensityParameters p) {
        return p.theta2Base() * (1 + Math.max(0, Math.min(1, spareCapacity))) / (1 + Math.max(0, switchingCost));
    }

    /** The class without memory. */
    public static RelationClass classify(double rho, double theta2) {
        return classify(rho, theta2, DEFAULTS);
    }

    /** The class without memory, against the network's θ1. */
    public static RelationClass classify(double rho, double theta2, DensityParameters p) {
        if (rho < p.theta1()) {
            return RelationClass.MARKET;
        }
        return rho > theta2 ? RelationClass.LOCK_IN_RISK : RelationClass.COLLABORATIVE;
    }

    /** The class given the current one: a threshold must be passed by 5 % of it before the class changes. */
    public static RelationClass reassess(RelationClass current, double rho, double theta2) {
        return reassess(current, rho, theta2, DEFAULTS);
    }

    /** As {@link #reassess(RelationClass, double, double)} with the network's θ1 and hysteresis. */
    public static RelationClass reassess(RelationClass current, double rho, double theta2, DensityParameters p) {
        RelationClass plain = classify(rho, theta2, p);
        if (current == null || plain == current) {
            return plain;
        }
        double up1 = p.theta1() * (1 + p.hysteresis());
        double down1 = p.theta1() * (1 - p.hysteresis());
        double up2 = theta2 * (1 + p.hysteresis());
        double down2 = theta2 * (1 - p.hysteresis());
        return switch (current) {
            case MARKET -> rho > up2 ? RelationClass.LOCK_IN_RISK : rho >= up1 ? RelationClass.COLLABORATIVE : RelationClass.MARKET;
            case COLLABORATIVE -> rho > up2 ? RelationClass.LOCK_IN_RISK : rho < down1 ? RelationClass.MARKET : RelationClass.COLLABORATIVE;
            case LOCK_IN_RISK -> rho < down1 ? RelationClass.MARKET : rho < down2 ? RelationClass.COLLABORATIVE : RelationClass.LOCK_IN_RISK;
        };
    }
}
