package org.hanse.core.exit;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backup candidates for a (buyer, supplier, material) (RULES 3.9): score = 0.6 · similarity + 0.4 · proximity;
 * similarity = ½ · Jaccard(equipment models) + ½ · mean overlap of the original's process-parameter ranges, where a
 * part nobody declared is unknown and left out (the mean of the known parts; 0 when neither is known);
 * proximity = 1 / (1 + Δc / c₀), Δc = extra transport cost versus the original (never below 0). A candidate with
 * similarity 0 is not viable; fewer than 2 viable candidates is BACKUP_LIST_SHORT. The substitute starts with
 * trust = old trust × δ, δ = 0.5 + 0.5 · similarity.
 */
public final class BackupScore {

    public static final int MIN_VIABLE = 2;

    private BackupScore() {
    }

    /** A parameter range [min, max]. */
    public record Range(double min, double max) {
        double length() {
            return Math.max(0, max - min);
        }
    }

    /** What a node can do: its equipment models and process-parameter ranges. */
    public record Capability(Set<String> equipment, Map<String, Range> parameters) {
    }

    /** A scored candidate. */
    public record Candidate(String node, double similarity, double proximity, double score) {
    }

    /** Jaccard index; 0 for two empty sets, as nothing declared says nothing about a match. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / union.size();
    }

    /**
     * Mean over the original's parameters of the share of its range the candidate covers (0 for a missing parameter);
     * 0 when the original declares none.
     */
    public static double rangeOverlap(Map<String, Range> original, Map<String, Range> candidate) {
        if (original.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Map.Entry<String, Range> e : original.entrySet()) {
            Range need = e.getValue();
            Range have = candidate.get(e.getKey());
            if (have == null) {
                continue;
            }
            double overlap = Math.max(0, Math.min(need.max(), have.max()) - Math.max(need.min(), have.min()));
            sum += need.length() == 0 ? (have.min() <= need.min() && need.min() <= have.max() ? 1 : 0) : overlap / need.length();
        }
        return sum / original.size();
    }

    /**
     * ½ · Jaccard + ½ · range overlap when both parts are known; a part is unknown when nobody declares equipment, or
     * the original declares no ranges, and then the known part alone counts (an empty declaration is no evidence of a
     * match, nor of a mismatch). Nothing known: 0, so the candidate is not viable.
     */
    public static double similarity(Capability original, Capability candidate) {
        boolean equipmentKnown = !original.equipment().isEmpty() || !candidate.equipment().isEmpty();
        boolean rangesKnown = !original.parameters().isEmpty();
        double j = jaccard(original.equipment(), candidate.equipment());
        double r = rangeOverlap(original.parameters(), candidate.parameters());
        if (equipmentKnown && rangesKnown) {
            return 0.5 * j + 0.5 * r;
        }
        return equipmentKnown ? j : rangesKnown ? r : 0;
    }

    public static double proximity(double extraTransportCost, double referenceCost) {
        return 1 / (1 + Math.max(0, extraTransportCost) / referenceCost);
    }

    public static Candidate score(String node, double similarity, double proximity) {
        return score(node, similarity, proximity, org.hanse.core.parameters.NetworkParameters.DEFAULTS.exit());
    }

    /** The score with the network's similarity and proximity weights. */
    public static Candidate score(String node, double similarity, double proximity, org.hanse.core.parameters.NetworkParameters.ExitParameters p) {
        return new Candidate(node, similarity, proximity, p.similarityWeight() * similarity + p.proximityWeight() * proximity);
    }

    /** Viable candidates, best first (ties by node id). */
    public static List<Candidate> rank(List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.similarity() > 0)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::node)).toList();
    }

    public static boolean listShort(List<Candidate> ranked) {
        return ranked.size() < MIN_VIABLE;
    }

    /** δ = 0.5 + 0.5 · similarity. */
    public static double delta(double similarity) {
        return 0.5 + 0.5 * similarity;
    }

    public static double initialTrust(double oldTrust, double similarity) {
        return oldTrust * delta(similarity);
    }
}
