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

    /** Days run per call of {@link #days}: short enough that the JIT compiles the method whole, not just its loop. */
    private static final int CHUNK = 4096;

    private final Model m;
    private final Replication r;
    private final Stats stats;
    private final int[] node;
    private final int stages;
    private final int ring;
    private final int mask;
    // Each stage's state and sums, W fields a stage in one array (stage 0 faces end customers): one base pointer for
    // the whole chain keeps the day's loop in registers.
    private static final int STOCK = 0;
    private static final int IN_TRANSIT = 1;
    private static final int PREV_TARGET = 2;
    /** What the stage is owed by the stage above. */
    private static final int OWED = 3;
    /** What the stage owes the stage below (stage 0: its customers). */
    private static final int BACKLOG = 4;
    /** The (constant) lead time in days. */
    private static final int LEAD = 5;
    private static final int CAPACITY = 6;
    // The sums Stats keeps. Every stage's subtree demand, and the chain's end demand, is today's end demand, so one pair
    // of sums (endSum, endSq) serves them all.
    private static final int DEMAND_SUM = 7;
    private static final int FILLED_SUM = 8;
    private static final int STOCKOUT_DAYS = 9;
    private static final int INVENTORY = 10;
    private static final int ORDER_SUM = 11;
    private static final int ORDER_SQ = 12;
    private static final int OUTFLOW = 13;
    private static final int TIER_SUM = 14;
    private static final int TIER_SQ = 15;
    private static final int W = 16;

    private final double[] state;
    private final double[] pipe;
    private final MovingAverage[] forecast;
    private final double z;
    private final boolean negative;
    private final boolean centralized;
    private final Demand demand;
    private final int warmUp;
    private double endSum;
    private double endSq;

    SerialChain(Model m, Replication r) {
        this.m = m;
        this.r = r;
        this.stats = r.stats;
        this.node = m.serialChain;
        this.stages = node.length;
        this.ring = m.ring;
        this.mask = m.ringMask;
        int k0 = stages;
        state = new double[k0 * W];
        pipe = new double[k0 * ring];
        forecast = new MovingAverage[k0];
        for (int k = 0; k < k0; k++) {
            int i = node[k];
            state[k * W + STOCK] = r.stock[i];
            state[k * W + IN_TRANSIT] = r.inTransit[i];
            state[k * W + PREV_TARGET] = r.prevTarget[i];
            state[k * W + LEAD] = m.constantLead[i];
            state[k * W + CAPACITY] = m.capacity[i];
            System.arraycopy(r.pipe, i * ring, pipe, k * ring, ring);
            forecast[k] = r.forecast[i];
        }
        Scenario.Policy policy = m.scenario.policy();
        z = policy.z();
        negative = policy.allowNegativeOrders();
        centralized = policy.centralized();
        demand = m.demand[node[0]];
        warmUp = m.scenario.warmUp();
    }

    /** Whether the model runs as a serial chain: one, under the textbook policy, no mechanisms, no disruptions. */
    static boolean applies(Model m) {
        Scenario s = m.scenario;
        return m.serialChain != null && s.policy().kind() == Scenario.PolicyKind.TEXTBOOK
                && s.mechanisms().equals(Scenario.Mechanisms.NONE) && s.disruptions().isEmpty();
    }

    /** Runs the horizon from the replication's starting state, leaving the statistics in its Stats. */
    void run(IntConsumer progress) {
        int horizon = m.scenario.horizon();
        for (int from = 0; from < horizon; from += CHUNK) {
            days(from, Math.min(horizon, from + CHUNK), progress);
        }
        for (int k = 0; k < stages; k++) {
            int i = node[k];
            int o = k * W;
            stats.demand[i] = state[o + DEMAND_SUM];
            stats.filled[i] = state[o + FILLED_SUM];
            stats.stockoutDays[i] = (int) state[o + STOCKOUT_DAYS];
            stats.inventory[i] = state[o + INVENTORY];
            stats.orderSum[i] = state[o + ORDER_SUM];
            stats.orderSq[i] = state[o + ORDER_SQ];
            stats.subSum[i] = endSum;
            stats.subSq[i] = endSq;
            stats.tierOrderSum[k + 1] = state[o + TIER_SUM];
            stats.tierOrderSq[k + 1] = state[o + TIER_SQ];
            stats.outflow[i] = state[o + OUTFLOW];
        }
        stats.endSum = endSum;
        stats.endSq = endSq;
    }

    /** Days [from, to). */
    private void days(int from, int to, IntConsumer progress) {
        int k0 = stages;
        int ring = this.ring;
        int mask = this.mask;
        double[] x = this.state;
        double[] pipe = this.pipe;
        MovingAverage[] forecast = this.forecast;
        double z = this.z;
        boolean negative = this.negative;
        boolean centralized = this.centralized;
        Demand demand = this.demand;
        java.util.SplittableRandom random = r.random;
        double endSum = this.endSum;
        double endSq = this.endSq;
        double[] dailyFill = stats.dailyFill;
        double[][][] series = stats.series;
        int top = (k0 - 1) * W;

        for (int t = from; t < to; t++) {
            int slot = t & mask;
            // 2. Arrivals.
            for (int k = 0, at = slot; k < k0; k++, at += ring) {
                double q = pipe[at];
                if (q != 0) {
                    x[k * W + STOCK] += q;
                    x[k * W + IN_TRANSIT] -= q;
                    pipe[at] = 0;
                }
            }
            // 3. End demand: the backlog first, the rest backordered.
            double d = demand.sample(random, t);
            double before = x[BACKLOG];
            double total = before + d;
            double served = Math.max(0, Math.min(x[STOCK], total));
            x[STOCK] -= served;
            x[BACKLOG] = total - served;
            double fromStock = Math.max(0, Math.min(d, served - before));
            dailyFill[t] = d <= 0 ? 1 : fromStock / d;
            boolean counting = t >= warmUp;
            // 4./5. Ordering up the chain; each stage ships to the one below right after ordering.
            double sub = 0 + d;
            double observed = d;
            for (int k = 0; k < k0; k++) {
                int o = k * W;
                MovingAverage f = forecast[k];
                f.add(centralized ? sub : observed);
                // With z = 0 the target does not read the variance: skip computing it.
                double target = OrderUpTo.targetFromVariance(x[o + LEAD], f.mean(), z, z == 0 ? 0 : f.variance());
                double q = OrderUpTo.order(target, x[o + PREV_TARGET], observed, negative);
                x[o + PREV_TARGET] = target;
                double above = 0;
                if (q != 0) {
                    if (o == top) {
                        if (q > 0 || negative) {
                            pipe[k * ring + ((t + (int) x[o + LEAD]) & mask)] += q;
                            x[o + IN_TRANSIT] += q;
                        }
                    } else {
                        x[o + OWED] += q;
                        x[o + W + BACKLOG] += q;
                        above = q;
                    }
                }
                double asked = observed;
                double filled = fromStock;
                double shippedToday = fromStock;
                if (k > 0) {
                    // Ship to the stage below what it is owed, within stock and capacity.
                    int b = o - W;
                    double backlogBefore = x[o + BACKLOG] - asked;
                    double due = x[b + OWED];
                    double shipped = due < 0 ? due : Math.min(due, Math.max(0, Math.min(x[o + STOCK], x[o + CAPACITY])));
                    shippedToday = 0 + shipped;
                    if (shipped != 0) {
                        x[o + STOCK] -= shipped;
                        x[o + BACKLOG] -= shipped;
                        x[b + OWED] -= shipped;
                        pipe[(k - 1) * ring + ((t + (int) x[b + LEAD]) & mask)] += shipped;
                        x[b + IN_TRANSIT] += shipped;
                    }
                    filled = Math.max(0, Math.min(asked, shippedToday - Math.max(0, backlogBefore)));
                    asked = Math.max(0, asked);
                    shippedToday = Math.max(0, shippedToday);
                }
                if (counting) {
                    x[o + ORDER_SUM] += q;
                    x[o + ORDER_SQ] += q * q;
                    double tierOrders = 0 + q;
                    x[o + TIER_SUM] += tierOrders;
                    x[o + TIER_SQ] += tierOrders * tierOrders;
                    x[o + INVENTORY] += x[o + STOCK];
                    // Stage 0's backlog is its customers' (never negative); above it, max(0, backlog) > ε is backlog > ε.
                    if (x[o + BACKLOG] > 1e-9) {
                        x[o + STOCKOUT_DAYS]++;
                    }
                    x[o + DEMAND_SUM] += asked;
                    x[o + FILLED_SUM] += filled;
                    x[o + OUTFLOW] += shippedToday;
                }
                if (series != null) {
                    double[] row = series[t][k + 1];
                    row[0] += k == 0 ? d : 0;
                    row[1] += q;
                    row[2] += x[o + STOCK];
                    row[3] += k == 0 ? x[BACKLOG] : Math.max(0, x[o + BACKLOG]);
                }
                observed = above;
            }
            if (series != null) {
                series[t][1][4] = dailyFill[t];
            }
            if (counting) {
                // Every stage's subtree demand, and the chain's end demand, is today's end demand: one sum serves all.
                endSum += sub;
                endSq += sub * sub;
            }
            if (progress != null) {
                progress.accept(t);
            }
        }
        this.endSum = endSum;
        this.endSq = endSq;
    }
}
