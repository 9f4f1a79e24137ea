package org.hanse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The aggregate of all replications: per tier, per node and for the network, every metric as mean and 95 % CI.
 * Time to recover after a disruption: days from its start until the tier-1 fill rate (7-day trailing mean) has stayed at
 * or above 95 % of its level in the 28 days before for 14 days running; performance loss: the daily fill rate lost
 * below that level meanwhile, summed over days.
 */
public record Summary(int replications, List<Tier> tiers, List<Node> nodes, Network network) {

    /** Metrics of one tier. */
    public record Tier(int tier, Estimate bullwhip, Estimate fillRate, Estimate cycleServiceLevel, Estimate stockoutDays,
                       Estimate meanInventory, Estimate cashToCashDays, Estimate synchronisationDeviationDays, Estimate trust) {
    }

    /** Metrics of one node. */
    public record Node(String id, int tier, Estimate fillRate, Estimate cycleServiceLevel, Estimate bullwhip, Estimate stockoutDays,
                       Estimate meanInventory, Estimate orderVariance, Estimate cashToCashDays, Estimate synchronisationDeviationDays,
                       Estimate trust) {
    }

    /** After one disruption. */
    public record Recovery(String kind, String node, int day, Estimate timeToRecoverDays, Estimate performanceLoss, double unrecoveredShare) {
    }

    /** Network-wide metrics. */
    public record Network(int nodes, Estimate endCustomerFillRate, Estimate substitutions, Estimate rejectedOrders, List<Recovery> disruptions) {
    }

    static final int BASELINE_DAYS = 28;
    static final int STABLE_DAYS = 14;
    static final double RECOVERED_SHARE = 0.95;
    static final int SMOOTHING_DAYS = 7;

    static Summary of(Model m, List<Stats> runs) {
        List<Tier> tiers = new ArrayList<>();
        for (int k = 1; k <= m.tiers; k++) {
            int tier = k;
            int[] members = m.tierMembers[k];
            tiers.add(new Tier(k, est(runs, s -> s.tierBullwhip(tier)),
                    est(runs, s -> weighted(members, s.filled, s.demand)),
                    est(runs, s -> mean(members, s::cycleServiceLevel)),
                    est(runs, s -> mean(members, i -> s.stockoutDays[i])),
                    est(runs, s -> mean(members, s::meanInventory)),
                    est(runs, s -> mean(members, i -> s.cashToCash[i])),
                    est(runs, s -> mean(members, i -> s.deviationDays[i])),
                    est(runs, s -> tier == m.tiers ? 1 : mean(members, i -> s.trustHeld[i]))));
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < m.n; i++) {
            int node = i;
            nodes.add(new Node(m.id[i], m.tier[i], est(runs, s -> s.fillRate(node)), est(runs, s -> s.cycleServiceLevel(node)),
                    est(runs, s -> s.bullwhip(node)), est(runs, s -> s.stockoutDays[node]), est(runs, s -> s.meanInventory(node)),
                    est(runs, s -> s.orderVariance(node)), est(runs, s -> s.cashToCash[node]), est(runs, s -> s.deviationDays[node]),
                    est(runs, s -> s.trustHeld[node])));
        }
        List<Recovery> recoveries = new ArrayList<>();
        for (Disruption d : m.scenario.disruptions()) {
            double[] ttr = new double[runs.size()];
            double[] loss = new double[runs.size()];
            int unrecovered = 0;
            for (int r = 0; r < runs.size(); r++) {
                double[] out = recovery(runs.get(r).dailyFill, d.day());
                ttr[r] = out[0];
                loss[r] = out[1];
                unrecovered += out[2] > 0 ? 1 : 0;
            }
            String node = d instanceof Disruption.Exit e ? e.node() : d instanceof Disruption.CapacityShock c ? c.node()
                    : d instanceof Disruption.TransportDelay t ? t.node() : null;
            String kind = d instanceof Disruption.Exit e ? (e.planned() ? "planned-exit" : "unplanned-exit")
                    : d instanceof Disruption.CapacityShock ? "capacity" : d instanceof Disruption.TransportDelay ? "transport-delay" : "price";
            recoveries.add(new Recovery(kind, node, d.day(), Estimate.of(ttr), Estimate.of(loss), (double) unrecovered / runs.size()));
        }
        int[] tier1 = m.tierMembers[1];
        Network network = new Network(m.n, est(runs, s -> weighted(tier1, s.filled, s.demand)), est(runs, s -> s.substitutions),
                est(runs, s -> s.rejected), recoveries);
        return new Summary(runs.size(), tiers, nodes, network);
    }

    /**
     * {time to recover, performance loss, 1 if not recovered within the horizon}, on the 7-day trailing mean of the
     * daily tier-1 fill rate (one bad day of ordinary noise is not a disruption).
     */
    static double[] recovery(double[] daily, int start) {
        double[] fill = new double[daily.length];
        double window = 0;
        for (int d = 0; d < daily.length; d++) {
            window += daily[d] - (d >= SMOOTHING_DAYS ? daily[d - SMOOTHING_DAYS] : 0);
            fill[d] = window / Math.min(d + 1, SMOOTHING_DAYS);
        }
        double baseline = 0;
        int from = Math.max(0, start - BASELINE_DAYS);
        for (int d = from; d < start; d++) {
            baseline += fill[d];
        }
        baseline = start > from ? baseline / (start - from) : 1;
        double threshold = RECOVERED_SHARE * baseline;
        int lastBad = start - 1;
        int good = 0;
        int d = start;
        double loss = 0;
        for (; d < fill.length && good < STABLE_DAYS; d++) {
            if (fill[d] < threshold) {
                lastBad = d;
                good = 0;
            } else {
                good++;
            }
        }
        for (int x = start; x <= lastBad; x++) {
            loss += Math.max(0, baseline - daily[x]);
        }
        return new double[] {lastBad - start + 1, loss, good < STABLE_DAYS ? 1 : 0};
    }

    private static Estimate est(List<Stats> runs, ToDoubleFunction<Stats> f) {
        double[] values = new double[runs.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = f.applyAsDouble(runs.get(r));
        }
        return Estimate.of(values);
    }

    private static double weighted(int[] members, double[] part, double[] whole) {
        double p = 0;
        double w = 0;
        for (int i : members) {
            p += part[i];
            w += whole[i];
        }
        return w <= 0 ? 1 : p / w;
    }

    private static double mean(int[] members, java.util.function.IntToDoubleFunction f) {
        if (members.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i : members) {
            s += f.applyAsDouble(i);
        }
        return s / members.length;
    }
}
