package org.hanse.core.relation;

import java.util.List;
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

    /** A declared resource: its class, parameter ranges, capacity and load a day. */
    public record Resource(String className, Map<String, Range> ranges, double capacity, double load) {
    }

    /**
     * How far a candidate complements a leaving node (RULES 3.3 and 3.9): at its exit the leaving node's capacity
     * drops to 0, so each of its loaded resources becomes a constraint C_a = its load, matched on its own with the
     * candidate's best same-class resource by {@link #score}; the cover is the load-weighted mean of those scores.
     * 0 when the leaving node has no loaded resource or the candidate no redundancy of a needed class.
     */
    public static double exitCover(List<Resource> leaving, List<Resource> candidate) {
        double weighted = 0;
        double load = 0;
        for (Resource need : leaving) {
            double c = constraint(0, need.load());
            if (c <= 0) {
                continue;
            }
            double best = 0;
            for (Resource offer : candidate) {
                if (offer.className().equals(need.className())) {
                    best = Math.max(best, score(redundancy(offer.capacity(), offer.load()), c, need.ranges(), offer.ranges()));
                }
            }
            weighted += c * best;
            load += c;
        }
        return load == 0 ? 0 : weighted / load;
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
