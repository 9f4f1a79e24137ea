package org.hanse.sim;


/**
 * What one replication measures after the warm-up: per node fill rate, cycle service level (days ending without
 * backlog), stockout days, mean inventory, order variance and bullwhip against the end demand it serves, cash-to-cash
 * days and synchronisation deviation; per tier the bullwhip ratio of the tier's total orders over total end demand;
 * the tier-1 fill rate of every day (for recovery after disruptions); trust trajectories; and, for one replication, the
 * daily series per tier.
 */
final class Stats {

    /** Columns of the daily series per tier. */
    static final String[] SERIES = {"endDemand", "orders", "inventory", "backlog", "fillRate", "trust"};

    private final Model m;
    private final int warmUp;
    final int days;
    final double[] servedMean;
    final double[] servedSd;

    final double[] demand;
    final double[] filled;
    final int[] stockoutDays;
    final double[] inventory;
    final double[] orderSum;
    final double[] orderSq;
    final double[] subSum;
    final double[] subSq;
    final double[] outflow;
    final double[] tierOrderSum;
    final double[] tierOrderSq;
    double endSum;
    double endSq;
    /** Tier-1 fill rate of each day (demand-weighted), whole horizon. */
    final double[] dailyFill;
    private final double[] dayDemand;
    private final double[] dayFilled;
    /** Mean trust buyers of each tier hold in their suppliers, once a week (whole horizon). */
    final double[][] weeklyTrust;
    final double[][][] series;
    int substitutions;
    int rejected;

    // Filled by finish().
    final double[] deviationDays;
    final double[] cashToCash;
    final double[] trustHeld;

    Stats(Model m, boolean keepSeries) {
        this.m = m;
        this.warmUp = m.scenario.warmUp();
        this.days = m.scenario.horizon() - warmUp;
        int n = m.n;
        servedMean = new double[n];
        servedSd = new double[n];
        double[] var = new double[n];
        for (int i : m.byTier) {
            if (m.tier[i] == 1) {
                servedMean[i] += m.demand[i].mean();
                var[i] += m.demand[i].sd() * m.demand[i].sd();
            }
            if (m.supplier[i] >= 0) {
                servedMean[m.supplier[i]] += servedMean[i];
                var[m.supplier[i]] += var[i];
            }
        }
        for (int i = 0; i < n; i++) {
            servedSd[i] = Math.sqrt(var[i]);
        }
        demand = new double[n];
        filled = new double[n];
        stockoutDays = new int[n];
        inventory = new double[n];
        orderSum = new double[n];
        orderSq = new double[n];
        subSum = new double[n];
        subSq = new double[n];
        outflow = new double[n];
        tierOrderSum = new double[m.tiers + 1];
        tierOrderSq = new double[m.tiers + 1];
        tierOrdersToday = new double[m.tiers + 1];
        dailyFill = new double[m.scenario.horizon()];
        dayDemand = new double[n];
        dayFilled = new double[n];
        weeklyTrust = m.scenario.mechanisms().trust() ? new double[m.scenario.horizon() / 7 + 1][m.tiers + 1] : new double[0][0];
        series = keepSeries ? new double[m.scenario.horizon()][m.tiers + 1][SERIES.length] : null;
        deviationDays = new double[n];
        cashToCash = new double[n];
        trustHeld = new double[n];
    }

    /** A tier-1 node served end demand {@code d}, {@code fromStock} of it at once. */
    void served(int i, double d, double fromStock, int t) {
        dayDemand[i] = d;
        dayFilled[i] = fromStock;
    }

    private final double[] tierOrdersToday;
    private double endToday;
    private boolean counting;

    /** Start of a day's statistics (after end demand was served): the tier-1 fill rate, weekly trust. */
    void beginDay(int t, Replication r) {
        double tierDemand = 0;
        double tierFilled = 0;
        for (int i : m.tierMembers[1]) {
            tierDemand += dayDemand[i];
            tierFilled += dayFilled[i];
        }
        dailyFill[t] = tierDemand <= 0 ? 1 : tierFilled / tierDemand;
        if (weeklyTrust.length > 0 && t % 7 == 0) {
            for (int k = 1; k < m.tiers; k++) {
                double sum = 0;
                for (int b : m.tierMembers[k]) {
                    sum += r.trust(b);
                }
                weeklyTrust[t / 7][k] = m.tierMembers[k].length == 0 ? 1 : sum / m.tierMembers[k].length;
            }
        }
        counting = t >= warmUp;
        java.util.Arrays.fill(tierOrdersToday, 0);
        endToday = 0;
    }

    /** A node's day, once its turn is over (nothing changes its stock or backlog later that day). */
    void node(int i, Replication r) {
        if (!counting) {
            return;
        }
        double q = r.orderToday(i);
        tierOrdersToday[m.tier[i]] += q;
        orderSum[i] += q;
        orderSq[i] += q * q;
        double sub = r.subtreeToday(i);
        subSum[i] += sub;
        subSq[i] += sub * sub;
        inventory[i] += r.stock(i);
        if (r.backlog(i) > 1e-9) {
            stockoutDays[i]++;
        }
        if (m.tier[i] == 1) {
            demand[i] += dayDemand[i];
            filled[i] += dayFilled[i];
            outflow[i] += dayFilled[i];
            endToday += r.endDemandToday(i);
        } else {
            demand[i] += Math.max(0, r.demandToday(i));
            filled[i] += r.filledToday(i);
            outflow[i] += Math.max(0, r.shippedToday(i));
        }
    }

    /** End of the day: tier totals and, for the first replication, the daily series. */
    void endDay(int t, Replication r) {
        if (series != null) {
            for (int i = 0; i < m.n; i++) {
                double[] row = series[t][m.tier[i]];
                row[0] += m.tier[i] == 1 ? r.endDemandToday(i) : 0;
                row[1] += r.orderToday(i);
                row[2] += r.stock(i);
                row[3] += r.backlog(i);
                if (m.scenario.mechanisms().trust() && m.supplier[i] >= 0) {
                    row[5] += r.trust(i) / Math.max(1, m.tierMembers[m.tier[i]].length);
                }
            }
            series[t][1][4] = dailyFill[t];
        }
        if (!counting) {
            return;
        }
        for (int k = 1; k <= m.tiers; k++) {
            tierOrderSum[k] += tierOrdersToday[k];
            tierOrderSq[k] += tierOrdersToday[k] * tierOrdersToday[k];
        }
        endSum += endToday;
        endSq += endToday * endToday;
    }

    void finish(Replication r) {
        for (int i = 0; i < m.n; i++) {
            double dpo = r.paymentDelayDays(i);
            double dso = r.receivableDays(i);
            deviationDays[i] = dpo;
            double dailyOut = outflow[i] / Math.max(1, days);
            double dio = dailyOut <= 0 ? 0 : inventory[i] / Math.max(1, days) / dailyOut;
            // Cash-to-cash: days in stock + days until customers pay − days until it pays its suppliers.
            cashToCash[i] = dio + dso - dpo;
            trustHeld[i] = r.trust(i);
        }
    }

    static double variance(double sum, double sq, int n) {
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.max(0, (sq - n * mean * mean) / (n - 1));
    }

    double bullwhip(int i) {
        double v = variance(subSum[i], subSq[i], days);
        return v <= 0 ? Double.NaN : variance(orderSum[i], orderSq[i], days) / v;
    }

    double tierBullwhip(int k) {
        double v = variance(endSum, endSq, days);
        return v <= 0 ? Double.NaN : variance(tierOrderSum[k], tierOrderSq[k], days) / v;
    }

    double fillRate(int i) {
        return demand[i] <= 0 ? 1 : filled[i] / demand[i];
    }

    double cycleServiceLevel(int i) {
        return 1 - (double) stockoutDays[i] / Math.max(1, days);
    }

    double meanInventory(int i) {
        return inventory[i] / Math.max(1, days);
    }

    double orderVariance(int i) {
        return variance(orderSum[i], orderSq[i], days);
    }
}
