package org.hanse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a large tiered network for benchmarks and what-if runs: each tier is {@code fanOut} times smaller going
 * upstream (tier 1, facing end customers, is the largest; default 2), each buyer has one supplier in the next tier, so a
 * supplier serves about {@code fanOut} buyers; neighbours of one chain
 * lie close together within a region of about 8° × 9°, capacity is {@code capacityFactor} times the expected end demand
 * a node serves, and each node has two tier-specific pieces of equipment plus one of three variants (so backups
 * differ in similarity). Deterministic for a seed.
 */
public final class NetworkGenerator {

    private NetworkGenerator() {
    }

    /** What to generate. */
    public record Spec(int nodes, int tiers, double demandMean, double demandSd, int leadTime, double capacityFactor, double fanOut) {
        public Spec(int nodes, int tiers, double demandMean, double demandSd, int leadTime, double capacityFactor) {
            this(nodes, tiers, demandMean, demandSd, leadTime, capacityFactor, 2);
        }
    }

    /** The generated nodes and links. */
    public record Network(List<Scenario.NodeSpec> nodes, List<Scenario.LinkSpec> links) {
    }

    public static Network generate(Spec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int[] sizes = new int[spec.tiers() + 1];
        double weights = 0;
        for (int k = 1; k <= spec.tiers(); k++) {
            weights += Math.pow(spec.fanOut(), spec.tiers() - k);
        }
        int assigned = 0;
        for (int k = spec.tiers(); k >= 2; k--) {
            sizes[k] = Math.max(1, (int) Math.floor(spec.nodes() * Math.pow(spec.fanOut(), spec.tiers() - k) / weights));
            assigned += sizes[k];
        }
        sizes[1] = spec.nodes() - assigned;
        // Served tier-1 nodes per node, to size capacity.
        int[][] served = new int[spec.tiers() + 1][];
        for (int k = 1; k <= spec.tiers(); k++) {
            served[k] = new int[sizes[k]];
        }
        java.util.Arrays.fill(served[1], 1);
        for (int k = 1; k < spec.tiers(); k++) {
            for (int i = 0; i < sizes[k]; i++) {
                served[k + 1][supplierIndex(i, sizes[k], sizes[k + 1])] += served[k][i];
            }
        }
        List<Scenario.NodeSpec> nodes = new ArrayList<>(spec.nodes());
        List<Scenario.LinkSpec> links = new ArrayList<>(spec.nodes());
        for (int k = 1; k <= spec.tiers(); k++) {
            for (int i = 0; i < sizes[k]; i++) {
                // Position along the network's width, so a chain's nodes lie near each other.
                double along = (i + 0.5) / sizes[k];
                double lat = 47 + 8 * along + random.nextDouble(-0.3, 0.3);
                double lon = 6 + 9 * random.nextDouble() * 0.2 + 9 * 0.8 * along;
                Demand demand = k == 1 ? new Demand.Normal(spec.demandMean(), spec.demandSd()) : null;
                double capacity = spec.capacityFactor() * spec.demandMean() * served[k][i];
                List<String> equipment = List.of("t" + k + "-line", "t" + k + "-press", "t" + k + "-variant-" + random.nextInt(3));
                nodes.add(new Scenario.NodeSpec(id(k, i), k, new LeadTime.Constant(spec.leadTime()), demand, capacity, lat, lon,
                        -1, 10.0 * (spec.tiers() + 1 - k), 0, 0, equipment));
                if (k < spec.tiers()) {
                    links.add(new Scenario.LinkSpec(id(k, i), id(k + 1, supplierIndex(i, sizes[k], sizes[k + 1]))));
                }
            }
        }
        return new Network(nodes, links);
    }

    private static int supplierIndex(int i, int buyers, int suppliers) {
        return (int) ((long) i * suppliers / buyers);
    }

    static String id(int tier, int i) {
        return "t" + tier + "-" + i;
    }
}
