package org.hanse.core.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hanse.core.node.Location;
import org.hanse.core.order.Transit;

/**
 * Measured distortion (RULES 3.4): the bullwhip ratio of a tier (variance of the orders it places per day over the
 * variance of end demand per day), mean and variance of transmission delays, a suggested response timeout
 * (base + 2σ), and the spatial clustering index (mean nearest-neighbour distance of the nodes).
 */
public final class Distortion {

    private Distortion() {
    }

    /** Sample variance (0 with fewer than two values). */
    public static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - mean) * (v - mean);
        }
        return s / (values.length - 1);
    }

    public static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.length == 0 ? 0 : s / values.length;
    }

    /** BW = Var(orders per day) / Var(end demand per day); NaN when end demand does not vary. */
    public static double bullwhip(double[] ordersPerDay, double[] endDemandPerDay) {
        double v = variance(endDemandPerDay);
        return v <= 0 ? Double.NaN : variance(ordersPerDay) / v;
    }

    /** The default response wait from measured delays: base + 2σ. */
    public static java.time.Duration suggestedTimeout(java.time.Duration base, double delayVarianceSeconds2) {
        return base.plusSeconds(Math.round(2 * Math.sqrt(Math.max(0, delayVarianceSeconds2))));
    }

    /**
     * Mean nearest-neighbour distance in km over the nodes (0 with fewer than two): nodes are bucketed in a 0.5° grid
     * and each looks outward ring by ring until no closer node can exist, so large networks stay near-linear.
     */
    public static double meanNearestNeighbourKm(List<Location> nodes) {
        if (nodes.size() < 2) {
            return 0;
        }
        double cell = 0.5;
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            grid.computeIfAbsent(key(cellOf(nodes.get(i).lat(), cell), cellOf(nodes.get(i).lon(), cell)), k -> new ArrayList<>()).add(i);
        }
        double total = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Location a = nodes.get(i);
            long cy = cellOf(a.lat(), cell);
            long cx = cellOf(a.lon(), cell);
            double best = Double.POSITIVE_INFINITY;
            for (int ring = 0; ring < 720; ring++) {
                for (long y = cy - ring; y <= cy + ring; y++) {
                    for (long x = cx - ring; x <= cx + ring; x++) {
                        if (Math.max(Math.abs(y - cy), Math.abs(x - cx)) != ring) {
                            continue;
                        }
                        for (int j : grid.getOrDefault(key(y, x), List.of())) {
                            if (j != i) {
                                best = Math.min(best, Transit.greatCircleKm(a, nodes.get(j)));
                            }
                        }
                    }
                }
                // Anything beyond this ring lies at least ring · cell degrees of latitude (≥ 55 km per 0.5°) away.
                if (best <= ring * cell * 111.0 * Math.max(0.1, Math.cos(Math.toRadians(Math.min(89, Math.abs(a.lat()) + ring * cell))))) {
                    break;
                }
            }
            total += best;
        }
        return total / nodes.size();
    }

    private static long cellOf(double degrees, double cell) {
        return (long) Math.floor(degrees / cell);
    }

    private static long key(long y, long x) {
        return y * 1_000_003L + x;
    }
}
