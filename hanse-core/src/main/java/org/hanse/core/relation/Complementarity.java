package org.hanse.core.relation;

import java.util.Map;

/**
 * Heterogeneous resource complementarity (RULES 3.3): redundancy R = max(0, capacity − load), constraint
 * C = max(0, load − capacity); a constraint of a is matched by b's redundancy of the same class with
 * score = min(R_b, C_a) / C_a × (fraction of a's needed parameter ranges that b's ranges contain). Asset specificity σ
 * with frequency f (orders/week) is admissible iff 0.1 ≤ σ ≤ 0.4 + 0.5 · (1 − e^(−f)).
 */
public final class Complementarity {

    private Complementarity() {
    }

    /** A parameter range. */
    public record Range(double min, double max) {
        boolean contains(Range other) {
            return min <= other.min() && other.max() <= max;
        }
    }

    public static double redundancy(double capacity, double load) {
        return Math.max(0, capacity - load);
    }

    public static double constraint(double capacity, double load) {
        return Math.max(0, load - capacity);
    }

    public static double score(double redundancyB, double constraintA, Map<String, Range> needed, Map<String, Range> offered) {
        if (constraintA <= 0) {
            return 0;
        }
        double satisfied = 1;
        if (!needed.isEmpty()) {
            long ok = needed.entrySet().stream().filter(e -> offered.containsKey(e.getKey()) && offered.get(e.getKey()).contains(e.getValue())).count();
            satisfied = (double) ok / needed.size();
        }
        return Math.min(redundancyB, constraintA) / constraintA * satisfied;
    }

    /** The upper bound of admissible specificity at {@code perWeek} orders a week. */
    public static double specificityBound(double perWeek) {
        return 0.4 + 0.5 * (1 - Math.exp(-perWeek));
    }

    /** Empty when (σ, f) is admissible, else why not. */
    public static java.util.Optional<String> specificityProblem(double sigma, double perWeek) {
        if (sigma < 0.1) {
            return java.util.Optional.of("asset specificity " + sigma + " is below 0.1: too generic to plan together");
        }
        double bound = specificityBound(perWeek);
        if (sigma > bound) {
            return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                    "asset specificity %.3f exceeds %.3f, the bound at %.2f orders a week", sigma, bound, perWeek));
        }
        return java.util.Optional.empty();
    }
}
