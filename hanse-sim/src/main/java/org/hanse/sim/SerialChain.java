package org.hanse.sim;

import java.util.function.IntConsumer;
import org.hanse.core.replenishment.MovingAverage;
import org.hanse.core.replenishment.OrderUpTo;

/**
 * The engine's days for a serial chain under the textbook policy without Hanse mechanisms or disruptions (Chen et
 * al.'s setting, and the chain benchmark): the same events in the same order as {@link Replication}, the same rules
 * from hanse-core and the same random draws, but over one packed array without the bookkeeping only networks need
 * (several buyers per supplier, rerouted orders, priorities, ledgers, stock in transit, which the textbook policy does
 * not read), run as a wavefront (see {@link #steps}). The statistics are the same sums, added in the same order, so a
 * run gives the same bytes either way; ChainPathTest holds the two to that.
 */
final class SerialChain {

    /** Steps run per call of {@link #steps}: short enough that the JIT compiles the method whole, not just its loop. */
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
    private static final int PREV_TARGET = 1;
    /** What the stage is owed by the stage above. */
    private static final int OWED = 2;
    /** What the stage owes the stage below (stage 0: its customers). */
    private static final int BACKLOG = 3;
    /** The (constant) lead time in days. */
    private static final int LEAD = 4;
    private static final int CAPACITY = 5;
    /** What the stage below ordered from the stage on its current day: the demand it observes. */
    private static final int ASKED = 6;
    // The sums Stats keeps. Every stage's subtree demand, and the chain's end demand, is today's end demand, so one pair
    // of sums (endSum, endSq) serves them all.
    private static final int DEMAND_SUM = 7;
    private static final int FILLED_SUM = 8;
    private static final int STOCKOUT_DAYS = 9;
    private static final int INVENTORY = 10;
    private static final int ORDER_SUM = 11;
    private static final int ORDER_SQ = 12;
    private static final int OUTFLOW = 13;
    private static final int W = 14;

    private final double[] state;
    private final double[] pipe;
    /** End demand of the last days (a power of two at least the stages): stage k is k days behind stage 0. */
    private final double[] endDemand;
    private final MovingAverage[] forecast;
    private final int horizon;
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
        horizon = m.scenario.horizon();
        endDemand = new double[Integer.highestOneBit(k0) << 1];
    }

    /** Whether the model runs as a serial chain: one, under the textbook policy, no mechanisms, no disruptions. */
    static boolean applies(Model m) {
        Scenario s = m.scenario;
        return m.serialChain != null && s.policy().kind() == Scenario.PolicyKind.TEXTBOOK
                && s.mechanisms().equals(Scenario.Mechanisms.NONE) && s.disruptions().isEmpty();
    }

    /** Runs the horizon from the replication's starting state, leaving the statistics in its Stats. */
    void run(IntConsumer progress) {
        int steps = horizon + stages - 1;
        for (int from = 0; from < steps; from += CHUNK) {
            steps(from, Math.min(steps, from + CHUNK), progress);
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
            // The tier's orders today are 0 + q: the same sums as q's (they differ only for q = −0.0, and adding −0.0 or
            // +0.0 to a sum that starts at +0.0 gives the same bits).
            stats.tierOrderSum[k + 1] = state[o + ORDER_SUM];
            stats.tierOrderSq[k + 1] = state[o + ORDER_SQ];
            stats.outflow[i] = state[o + OUTFLOW];
        }
        stats.endSum = endSum;
        stats.endSq = endSq;
    }

    /**
     * Steps [from, to) of the wavefront: in step T stage k runs its day T − k, top stage first. A stage's day needs the
     * order the stage below placed that day (step T − 1) and what the stage above shipped the day before (earlier in
     * step T), so the order in which every piece of state is touched is the serial one; but the stages' work within a
     * step is independent, and the processor overlaps it instead of waiting on one stage's forecast for the next.
     */
    private void steps(int from, int to, IntConsumer progress) {
        int k0 = stages;
        int ring = this.ring;
        int mask = this.mask;
        double[] x = this.state;
        double[] pipe = this.pipe;
        double[] ends = this.endDemand;
        int endMask = ends.length - 1;
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
        int top = k0 - 1;

        for (int step = from; step < to; step++) {
            int highest = Math.min(top, step);
            int lowest = Math.max(0, step - horizon + 1);
            for (int k = highest; k >= lowest; k--) {
                int t = step - k;
                int o = k * W;
                // 2. Arrivals.
                int at = k * ring + (t & mask);
                double arriving = pipe[at];
                if (arriving != 0) {
                    x[o + STOCK] += arriving;
                    pipe[at] = 0;
                }
                double observed;
                double fromStock = 0;
                if (k == 0) {
                    // 3. End demand: the backlog first, the rest backordered.
                    double d = demand.sample(random, t);
                    ends[t & endMask] = d;
                    double before = x[BACKLOG];
                    double total = before + d;
                    double served = Math.max(0, Math.min(x[STOCK], total));
                    x[STOCK] -= served;
                    x[BACKLOG] = total - served;
                    fromStock = Math.max(0, Math.min(d, served - before));
                    dailyFill[t] = d <= 0 ? 1 : fromStock / d;
                    observed = d;
                } else {
                    observed = x[o + ASKED];
                }
                // Every stage serves the chain's one tier-1 node: its subtree demand is that day's end demand.
                double sub = 0 + ends[t & endMask];
                // 4. Ordering.
                MovingAverage f = forecast[k];
                f.add(centralized ? sub : observed);
                // With z = 0 the target does not read the variance: skip computing it.
                double target = OrderUpTo.targetFromVariance(x[o + LEAD], f.mean(), z, z == 0 ? 0 : f.variance());
                double q = OrderUpTo.order(target, x[o + PREV_TARGET], observed, negative);
                x[o + PREV_TARGET] = target;
                if (k == top) {
                    if (q != 0 && (q > 0 || negative)) {
                        pipe[k * ring + ((t + (int) x[o + LEAD]) & mask)] += q;
                    }
                } else {
                    double above = 0;
                    if (q != 0) {
                        x[o + OWED] += q;
                        x[o + W + BACKLOG] += q;
                        above = q;
                    }
                    x[o + W + ASKED] = above;
                }
                // 5. Shipping to the stage below what it is owed, within stock and capacity.
                double asked = observed;
                double filled = fromStock;
                double shippedToday = fromStock;
                if (k > 0) {
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
                    }
                    filled = Math.max(0, Math.min(asked, shippedToday - Math.max(0, backlogBefore)));
                    asked = Math.max(0, asked);
                    shippedToday = Math.max(0, shippedToday);
                }
                // 6. Statistics after the warm-up.
                if (t >= warmUp) {
                    x[o + ORDER_SUM] += q;
                    x[o + ORDER_SQ] += q * q;
                    x[o + INVENTORY] += x[o + STOCK];
                    // Stage 0's backlog is its customers' (never negative); above it, max(0, backlog) > ε is backlog > ε.
                    if (x[o + BACKLOG] > 1e-9) {
                        x[o + STOCKOUT_DAYS]++;
                    }
                    x[o + DEMAND_SUM] += asked;
                    x[o + FILLED_SUM] += filled;
                    x[o + OUTFLOW] += shippedToday;
                    if (k == 0) {
                        endSum += sub;
                        endSq += sub * sub;
                    }
                }
                if (series != null) {
                    double[] row = series[t][k + 1];
                    row[0] += k == 0 ? sub : 0;
                    row[1] += q;
                    row[2] += x[o + STOCK];
                    row[3] += k == 0 ? x[BACKLOG] : Math.max(0, x[o + BACKLOG]);
                    if (k == 0) {
                        series[t][1][4] = dailyFill[t];
                    }
                }
            }
            // The top stage finished day step − top: the whole chain has.
            if (progress != null && step >= top) {
                progress.accept(step - top);
            }
        }
        this.endSum = endSum;
        this.endSq = endSq;
    }
}
