package org.hanse.sim;

import java.util.function.IntConsumer;
import org.hanse.core.replenishment.MovingAverage;
import org.hanse.core.replenishment.OrderUpTo;

/**
 * The engine's days for a serial chain under the textbook policy without Hanse mechanisms or disruptions (Chen et
 * al.'s setting, and the chain benchmark): the same events in the same order as {@link Replication}, the same rules
 * from hanse-core and the same random draws, but over stage-indexed arrays without the bookkeeping only networks need
 * (several buyers per supplier, rerouted orders, priorities, ledgers). The statistics are the same sums, added in the
 * same order, so a run gives the same bytes either way; ChainPathTest holds the two to that.
 */
final class SerialChain {

    private final Model m;
    private final Replication r;
    private final Stats stats;
    private final int[] node;
    private final int stages;

    SerialChain(Model m, Replication r) {
        this.m = m;
        this.r = r;
        this.stats = r.stats;
        this.node = m.serialChain;
        this.stages = node.length;
    }

    /** Whether the model runs as a serial chain: one, under the textbook policy, no mechanisms, no disruptions. */
    static boolean applies(Model m) {
        Scenario s = m.scenario;
        return m.serialChain != null && s.policy().kind() == Scenario.PolicyKind.TEXTBOOK
                && s.mechanisms().equals(Scenario.Mechanisms.NONE) && s.disruptions().isEmpty();
    }

    /** Runs the horizon from the replication's starting state, leaving the statistics in its Stats. */
    void run(IntConsumer progress) {
        int k0 = stages;
        int ring = m.ring;
        int mask = m.ringMask;
        // State by stage (stage 0 faces end customers), starting from the replication's.
        double[] stock = new double[k0];
        double[] inTransit = new double[k0];
        double[] pipe = new double[k0 * ring];
        double[] prevTarget = new double[k0];
        MovingAverage[] forecast = new MovingAverage[k0];
        double[] lead = new double[k0];
        int[] leadDays = new int[k0];
        double[] capacity = new double[k0];
        for (int k = 0; k < k0; k++) {
            int i = node[k];
            stock[k] = r.stock[i];
            inTransit[k] = r.inTransit[i];
            System.arraycopy(r.pipe, i * ring, pipe, k * ring, ring);
            prevTarget[k] = r.prevTarget[i];
            forecast[k] = r.forecast[i];
            lead[k] = m.leadMean[i];
            leadDays[k] = m.constantLead[i];
            capacity[k] = m.capacity[i];
        }
        // owed[k]: what stage k is owed by stage k + 1; backlog[k]: what stage k owes stage k − 1 (stage 0: its customers).
        double[] owed = new double[k0];
        double[] backlog = new double[k0];
        Scenario.Policy policy = m.scenario.policy();
        double z = policy.z();
        boolean negative = policy.allowNegativeOrders();
        boolean centralized = policy.centralized();
        Demand demand = m.demand[node[0]];
        int warmUp = m.scenario.warmUp();
        int horizon = m.scenario.horizon();
        // The sums Stats keeps, by stage.
        double[] demandSum = new double[k0];
        double[] filledSum = new double[k0];
        int[] stockoutDays = new int[k0];
        double[] inventory = new double[k0];
        double[] orderSum = new double[k0];
        double[] orderSq = new double[k0];
        double[] subSum = new double[k0];
        double[] subSq = new double[k0];
        double[] outflow = new double[k0];
        double[] orderToday = new double[k0];
        double endSum = 0;
        double endSq = 0;
        double[] dailyFill = stats.dailyFill;
        double[][][] series = stats.series;

        for (int t = 0; t < horizon; t++) {
            int slot = t & mask;
            // 2. Arrivals.
            for (int k = 0; k < k0; k++) {
                int at = k * ring + slot;
                double q = pipe[at];
                if (q != 0) {
                    stock[k] += q;
                    inTransit[k] -= q;
                    pipe[at] = 0;
                }
            }
            // 3. End demand: the backlog first, the rest backordered.
            double d = demand.sample(r.random, t);
            double before = backlog[0];
            double total = before + d;
            double served = Math.max(0, Math.min(stock[0], total));
            stock[0] -= served;
            backlog[0] = total - served;
            double fromStock = Math.max(0, Math.min(d, served - before));
            dailyFill[t] = d <= 0 ? 1 : fromStock / d;
            boolean counting = t >= warmUp;
            // 4./5. Ordering up the chain; each stage ships to the one below right after ordering.
            double sub = 0 + d;
            double observed = d;
            for (int k = 0; k < k0; k++) {
                MovingAverage f = forecast[k];
                f.add(centralized ? sub : observed);
                double target = OrderUpTo.targetFromVariance(lead[k], f.mean(), z, f.variance());
                double q = OrderUpTo.order(target, prevTarget[k], observed, negative);
                prevTarget[k] = target;
                double above = 0;
                if (q != 0) {
                    if (k + 1 == k0) {
                        if (q > 0 || negative) {
                            pipe[k * ring + ((t + leadDays[k]) & mask)] += q;
                            inTransit[k] += q;
                        }
                    } else {
                        owed[k] += q;
                        backlog[k + 1] += q;
                        above = q;
                    }
                }
                double asked = observed;
                double filled = fromStock;
                double shippedToday = fromStock;
                if (k > 0) {
                    double backlogBefore = backlog[k] - asked;
                    double due = owed[k - 1];
                    double shipped = due < 0 ? due : Math.min(due, Math.max(0, Math.min(stock[k], capacity[k])));
                    shippedToday = 0 + shipped;
                    if (shipped != 0) {
                        stock[k] -= shipped;
                        backlog[k] -= shipped;
                        owed[k - 1] -= shipped;
                        pipe[(k - 1) * ring + ((t + leadDays[k - 1]) & mask)] += shipped;
                        inTransit[k - 1] += shipped;
                    }
                    filled = Math.max(0, Math.min(asked, shippedToday - Math.max(0, backlogBefore)));
                    asked = Math.max(0, asked);
                    shippedToday = Math.max(0, shippedToday);
                }
                if (counting) {
                    orderSum[k] += q;
                    orderSq[k] += q * q;
                    subSum[k] += sub;
                    subSq[k] += sub * sub;
                    inventory[k] += stock[k];
                    if ((k == 0 ? backlog[0] : Math.max(0, backlog[k])) > 1e-9) {
                        stockoutDays[k]++;
                    }
                    demandSum[k] += asked;
                    filledSum[k] += filled;
                    outflow[k] += shippedToday;
                }
                if (series != null) {
                    double[] row = series[t][k + 1];
                    row[0] += k == 0 ? d : 0;
                    row[1] += q;
                    row[2] += stock[k];
                    row[3] += k == 0 ? backlog[0] : Math.max(0, backlog[k]);
                }
                orderToday[k] = q;
                observed = above;
            }
            if (series != null) {
                series[t][1][4] = dailyFill[t];
            }
            if (counting) {
                for (int k = 0; k < k0; k++) {
                    double tierOrders = 0 + orderToday[k];
                    stats.tierOrderSum[k + 1] += tierOrders;
                    stats.tierOrderSq[k + 1] += tierOrders * tierOrders;
                }
                double end = 0 + d;
                endSum += end;
                endSq += end * end;
            }
            if (progress != null) {
                progress.accept(t);
            }
        }
        for (int k = 0; k < k0; k++) {
            int i = node[k];
            stats.demand[i] = demandSum[k];
            stats.filled[i] = filledSum[k];
            stats.stockoutDays[i] = stockoutDays[k];
            stats.inventory[i] = inventory[k];
            stats.orderSum[i] = orderSum[k];
            stats.orderSq[i] = orderSq[k];
            stats.subSum[i] = subSum[k];
            stats.subSq[i] = subSq[k];
            stats.outflow[i] = outflow[k];
        }
        stats.endSum = endSum;
        stats.endSq = endSq;
    }
}
