package org.hanse.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hanse.core.buffer.BufferRule;
import org.hanse.core.buffer.NormalQuantile;
import org.hanse.core.exit.BackupScore;
import org.hanse.core.exit.ExitRule;
import org.hanse.core.order.Outcome;
import org.hanse.core.order.UrgencyIndex;
import org.hanse.core.payment.Milestone;
import org.hanse.core.payment.PaymentTerms;
import org.hanse.core.payment.Synchronisation;
import org.hanse.core.replenishment.MovingAverage;
import org.hanse.core.replenishment.OrderUpTo;
import org.hanse.core.trust.Reciprocity;
import org.hanse.core.trust.SharingLevel;
import org.hanse.core.trust.TrustValue;

/**
 * One replication: the network advanced day by day with a fixed order of events (docs/SIMULATOR.md):
 * <ol>
 *   <li>disruptions of the day take effect (exits, capacity and transport shocks, prices);</li>
 *   <li>shipments due today arrive (trust rates them, payments fall due);</li>
 *   <li>tier-1 nodes serve end demand (backlog first, the rest backordered);</li>
 *   <li>ordering pass, tier 1 upward: each node observes its demand (end demand, or its buyers' orders of today),
 *       updates its forecast and orders by its policy; with trigger-response the supplier decides at once;</li>
 *   <li>shipping: each supplier, right after its own order in that pass (its buyers have all ordered), ships what it
 *       owes within stock and capacity (urgent and expedited buyers first, the logistics rhythm limiting late payers);</li>
 *   <li>statistics after the warm-up.</li>
 * </ol>
 * All randomness comes from one generator seeded per replication, drawn in a fixed order, so a seed gives one result.
 */
final class Replication {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final int DEMAND_DAYS = 56;
    private static final int MANUAL_RESOURCING_DAYS = 30;
    private static final int BACKUP_CANDIDATES = 12;
    /** Days between evaluations of a pair's trust (the window is at least 14 days) and of a buyer's credit record (180 days). */
    static final int TRUST_EVERY = 14;
    static final int CREDIT_EVERY = 28;
    static final int INVOICE_DAYS = 7;

    private final Model m;
    private final Scenario.Policy policy;
    private final Scenario.Mechanisms mech;
    final SplittableRandom random;

    // State.
    // The state SerialChain starts from is package-private.
    final double[] stock;
    private final double[] inTransit;
    private final double[] owed;
    private final double[] customerBacklog;
    final double[] pipe;
    final double[] prevTarget;
    final MovingAverage[] forecast;
    private final MovingAverage[] demandStats;
    private final double[] demandToday;
    private final double[] endDemandToday;
    private final int[] supplier;
    private final boolean[] exited;
    private final double[] capacityFactor;
    private final int[] extraDelay;
    private final double[] orderToday;
    private final boolean[] urgent;
    private final boolean[] expedite;
    private final double[] oneOffOwed;
    private final int[] oneOffSupplier;
    private double priceFactor = 1;
    private final boolean prioritised;
    /** Buyers each node may owe (grows when substitutes or backups take buyers on); check supplier[] when iterating. */
    private final int[][] buyers;
    /** What each node owes its buyers (regular and rerouted orders). */
    private final double[] backlogOf;
    private final double[] shippedToday;
    private final double[] backlogBeforeShipping;
    private final double[] subtreeToday;
    private final MovingAverage[] subtreeStats;
    private final double baseStockZ;
    private final double bufferZ;

    // Trust and payments, when on.
    /** Per buyer, its open orders {order day, quantity still owed, promised lead}, oldest first. */
    private final RecordQueue[] openOrders;
    /** Per buyer, shipments on the way {arrival day, supplier, quantity, order day, promised lead, ship day}. */
    private final RecordQueue[] arrivals;
    /** Per buyer, the rated deliveries of its current supplier (time, r) over the last year at most. */
    private final TimedLog[] interactions;
    private final double[] trust;
    private final SharingLevel[] level;
    /** Per buyer, its instalments (paid, due) over the credit window at least. */
    private final TimedLog[] settlements;
    /** Σ amount and Σ amount · deviation of each node's payments as payer and as payee (weighted means compose). */
    private final double[] paidAmount;
    private final double[] paidWeighted;
    private final double[] receivedAmount;
    private final double[] receivedWeighted;
    private final int[] lastCreditEval;
    private final int[] lastTrustEval;
    private final int[][] backupRank;
    private final double[] invoiceValue;
    private final double[] invoiceArrivalDays;
    private final int[] invoiceStart;
    private final int[] invoiceFirstShip;
    private final int[] invoiceSupplier;
    private final double[] credit;
    private final int[] lastShipDay;
    /** Per supplier, how many of its buyers keep it on their polling list (state vectors stop while any does). */
    private final int[] pollingBuyers;

    // Statistics.
    final Stats stats;

    @SuppressWarnings("unchecked")
    Replication(Model model, long seed, boolean keepSeries) {
        this.m = model;
        this.policy = model.scenario.policy();
        this.mech = model.scenario.mechanisms();
        this.random = new SplittableRandom(seed);
        this.prioritised = mech.triggerResponse() || mech.warnings();
        int n = model.n;
        stock = model.initial.clone();
        inTransit = new double[n];
        owed = new double[n];
        customerBacklog = new double[n];
        pipe = new double[n * model.ring];
        prevTarget = new double[n];
        forecast = new MovingAverage[n];
        demandStats = new MovingAverage[n];
        demandToday = new double[n];
        endDemandToday = new double[n];
        supplier = model.supplier.clone();
        exited = new boolean[n];
        capacityFactor = new double[n];
        Arrays.fill(capacityFactor, 1);
        extraDelay = new int[n];
        orderToday = new double[n];
        urgent = new boolean[n];
        expedite = new boolean[n];
        oneOffOwed = new double[n];
        oneOffSupplier = new int[n];
        Arrays.fill(oneOffSupplier, -1);
        baseStockZ = policy.kind() == Scenario.PolicyKind.BASE_STOCK ? NormalQuantile.z(policy.serviceLevel()) : 0;
        bufferZ = NormalQuantile.z(policy.serviceLevel());
        boolean ledger = mech.trust() || mech.payments();
        openOrders = new RecordQueue[ledger ? n : 0];
        arrivals = new RecordQueue[ledger ? n : 0];
        interactions = new TimedLog[mech.trust() ? n : 0];
        settlements = new TimedLog[mech.payments() ? n : 0];
        paidAmount = new double[n];
        paidWeighted = new double[n];
        receivedAmount = new double[n];
        receivedWeighted = new double[n];
        lastCreditEval = new int[n];
        lastTrustEval = new int[n];
        Arrays.fill(lastCreditEval, Integer.MIN_VALUE / 2);
        Arrays.fill(lastTrustEval, Integer.MIN_VALUE / 2);
        backupRank = new int[n][];
        invoiceValue = new double[n];
        invoiceArrivalDays = new double[n];
        invoiceStart = new int[n];
        invoiceFirstShip = new int[n];
        invoiceSupplier = new int[n];
        trust = new double[n];
        Arrays.fill(trust, 1);
        level = new SharingLevel[n];
        Arrays.fill(level, SharingLevel.REAL_TIME);
        credit = new double[n];
        Arrays.fill(credit, 1);
        lastShipDay = new int[n];
        pollingBuyers = new int[n];
        Arrays.fill(lastShipDay, Integer.MIN_VALUE / 2);
        for (int i = 0; i < n; i++) {
            forecast[i] = new MovingAverage(policy.p());
            demandStats[i] = policy.kind() == Scenario.PolicyKind.HANSE ? new MovingAverage(DEMAND_DAYS) : null;
            if (ledger) {
                openOrders[i] = new RecordQueue(3, 4);
                arrivals[i] = new RecordQueue(6, 4);
            }
            if (mech.trust()) {
                interactions[i] = new TimedLog(16, false);
            }
            if (mech.payments()) {
                settlements[i] = new TimedLog(16, true);
            }
        }
        buyers = new int[n][];
        int[] count = new int[n];
        for (int b = 0; b < n; b++) {
            if (supplier[b] >= 0) {
                count[supplier[b]]++;
            }
        }
        for (int i = 0; i < n; i++) {
            buyers[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int b = 0; b < n; b++) {
            if (supplier[b] >= 0) {
                buyers[supplier[b]][count[supplier[b]]++] = b;
            }
        }
        backlogOf = new double[n];
        shippedToday = new double[n];
        backlogBeforeShipping = new double[n];
        subtreeToday = new double[n];
        subtreeStats = new MovingAverage[mech.forecastSharing() ? n : 0];
        for (int i = 0; i < subtreeStats.length; i++) {
            subtreeStats[i] = new MovingAverage(DEMAND_DAYS);
        }
        stats = new Stats(model, keepSeries);
        // Start in steady state: the pipeline holds L days of mean demand, the textbook target its steady value.
        for (int i : model.byTier) {
            double mean = servedMean(i);
            int l = (int) Math.round(model.lead[i].mean());
            for (int d = 1; d < l; d++) {
                pipe[i * model.ring + d] += mean;
                inTransit[i] += mean;
            }
            prevTarget[i] = OrderUpTo.target(model.lead[i].mean(), mean, 0, 0);
            for (int k = 0; k < policy.p(); k++) {
                forecast[i].add(mean);
            }
        }
    }

    private double servedMean(int i) {
        return m.initial[i] / (m.lead[i].mean() + 7);
    }

    /** Runs the whole horizon. */
    Replication run(java.util.function.IntConsumer progress) {
        if (SerialChain.applies(m)) {
            new SerialChain(m, this).run(progress);
        } else {
            for (int t = 0; t < m.scenario.horizon(); t++) {
                day(t);
                if (progress != null) {
                    progress.accept(t);
                }
            }
        }
        stats.finish(this);
        return this;
    }

    private void day(int t) {
        disruptions(t);
        arrive(t);
        serveEndDemand(t);
        stats.beginDay(t, this);
        orderPass(t);
        stats.endDay(t, this);
    }

    // 1. Disruptions.
    private void disruptions(int t) {
        if (m.scenario.disruptions().isEmpty()) {
            return;
        }
        for (Disruption d : m.scenario.disruptions()) {
            if (d instanceof Disruption.Exit e && e.planned() && mech.substitution() && t == Math.max(0, e.day() - e.noticeDays()) && e.noticeDays() > 0) {
                announced(m.index.get(e.node()), e, t);
            }
            if (d instanceof Disruption.Exit e && e.day() == t) {
                exit(m.index.get(e.node()), e, t);
            } else if (d instanceof Disruption.CapacityShock c) {
                int i = m.index.get(c.node());
                if (t == c.day()) {
                    capacityFactor[i] = c.factor();
                } else if (t == c.day() + c.days()) {
                    capacityFactor[i] = 1;
                }
            } else if (d instanceof Disruption.TransportDelay td) {
                int i = m.index.get(td.node());
                if (t == td.day()) {
                    extraDelay[i] = td.extraDays();
                } else if (t == td.day() + td.days()) {
                    extraDelay[i] = 0;
                }
            } else if (d instanceof Disruption.PriceShock p) {
                if (t == p.day()) {
                    priceFactor = p.factor();
                } else if (t == p.day() + p.days()) {
                    priceFactor = 1;
                }
            }
        }
        // Buyers of an exited supplier switch when they have detected it (see exit()).
        for (int b = 0; b < switchDay.length; b++) {
            if (switchDay[b] == t) {
                resource(b, t);
            }
        }
    }

    private int[] switchDay = new int[0];

    /**
     * A planned exit is announced: classified per buyer by ExitRule (planned iff announced three order cycles ahead);
     * for planned pairs substitution starts early, so the substitute delivers from the exit day on (switch one lead time
     * before it).
     */
    private void announced(int node, Disruption.Exit e, int t) {
        ensureSwitchDays();
        Instant announcedAt = instant(t);
        Instant exitAt = instant(e.day());
        for (int b = 0; b < m.n; b++) {
            if (supplier[b] == node && ExitRule.classify(announcedAt, exitAt, null, m.scenario.parameters().exit()) == ExitRule.Kind.PLANNED) {
                switchDay[b] = Math.max(t + 1, e.day() - (int) Math.ceil(m.leadMean[b]) - 1);
            }
        }
    }

    private void ensureSwitchDays() {
        if (switchDay.length == 0) {
            switchDay = new int[m.n];
            Arrays.fill(switchDay, -1);
        }
    }

    /**
     * A node leaves: it ships and orders no more. Its buyers are re-sourced: with substitution, planned exits are
     * covered from the exit day (the contract net ran during the notice), unplanned ones once detected — silence beyond
     * the response timeout and a missed delivery, i.e. at the next expected delivery; without it, by hand a month later.
     */
    private void exit(int node, Disruption.Exit e, int t) {
        exited[node] = true;
        ensureSwitchDays();
        // Rerouted rests the leaving node still owed are cancelled: the buyers order them again.
        for (int b : buyers[node]) {
            if (oneOffSupplier[b] == node) {
                oneOffOwed[b] = 0;
                oneOffSupplier[b] = -1;
            }
        }
        for (int b = 0; b < m.n; b++) {
            if (supplier[b] != node || (switchDay[b] >= t && mech.substitution())) {
                continue;
            }
            int when;
            if (!mech.substitution()) {
                when = t + MANUAL_RESOURCING_DAYS;
            } else {
                Instant announced = EPOCH.plus(Duration.ofDays(t - e.noticeDays()));
                Instant exitAt = EPOCH.plus(Duration.ofDays(t));
                boolean planned = e.planned() && ExitRule.classify(announced, exitAt, null, m.scenario.parameters().exit()) == ExitRule.Kind.PLANNED;
                when = planned ? t : t + Math.max(1, (int) Math.round(m.lead[b].mean()));
            }
            switchDay[b] = when;
            if (when == t) {
                resource(b, t);
            }
        }
    }

    /** The buyer takes a new supplier: with substitution the best-scoring backup that accepts, else the nearest live one. */
    private void resource(int b, int t) {
        switchDay[b] = -1;
        int old = supplier[b];
        int winner = mech.substitution() ? bestBackup(b, old, false) : nearestLive(b, old);
        if (winner < 0) {
            return;
        }
        if (level[b] == SharingLevel.POLLING && old >= 0) {
            pollingBuyers[old]--;
            pollingBuyers[winner]++;
        }
        supplier[b] = winner;
        addBuyer(winner, b);
        if (!exited[old]) {
            backlogOf[old] -= owed[b];
        }
        if (mech.substitution()) {
            backlogOf[winner] += owed[b];
            // Open orders move to the winner; trust starts from the old trust × δ.
            if (mech.trust()) {
                double sim = BackupScore.similarity(capability(old), capability(winner));
                trust[b] = BackupScore.initialTrust(trust[b], sim);
                interactions[b].clear();
            }
        } else {
            owed[b] = 0;
        }
        stats.substitutions++;
    }

    private void addBuyer(int s, int b) {
        for (int x : buyers[s]) {
            if (x == b) {
                return;
            }
        }
        buyers[s] = Arrays.copyOf(buyers[s], buyers[s].length + 1);
        buyers[s][buyers[s].length - 1] = b;
    }

    private BackupScore.Capability capability(int i) {
        return new BackupScore.Capability(m.equipment[i], Map.of());
    }

    /**
     * The best backup of {@code b} for {@code original}: live nodes of the original's tier, nearest first (at most a
     * dozen asked), scored 0.6 · similarity + 0.4 · proximity; the first in rank with spare capacity accepts.
     */
    private int bestBackup(int b, int original, boolean needSpare) {
        if (original < 0) {
            return -1;
        }
        // The ranking depends only on locations and equipment: computed once per buyer and kept while it has this supplier.
        int[] ranked = backupRank[b];
        if (ranked == null || ranked.length == 0 || ranked[0] != original) {
            int[] members = m.tierMembers[m.tier[original]];
            int[] nearest = nearest(b, original, members, BACKUP_CANDIDATES);
            double base = m.distanceKm(original, b);
            List<BackupScore.Candidate> candidates = new ArrayList<>();
            for (int c : nearest) {
                double extra = Math.max(0, m.distanceKm(c, b) - base);
                candidates.add(BackupScore.score(Integer.toString(c), BackupScore.similarity(capability(original), capability(c)),
                        BackupScore.proximity(extra, 100), m.scenario.parameters().exit()));
            }
            List<BackupScore.Candidate> order = BackupScore.rank(candidates);
            ranked = new int[order.size() + 1];
            ranked[0] = original;
            for (int k = 0; k < order.size(); k++) {
                ranked[k + 1] = Integer.parseInt(order.get(k).node());
            }
            backupRank[b] = ranked;
        }
        for (int k = 1; k < ranked.length; k++) {
            int node = ranked[k];
            if (!exited[node] && (!needSpare || spare(node) > 0)) {
                return node;
            }
        }
        return -1;
    }

    private int nearestLive(int b, int original) {
        int[] nearest = nearest(b, original, m.tierMembers[m.tier[original]], 1);
        return nearest.length == 0 ? -1 : nearest[0];
    }

    private int[] nearest(int b, int original, int[] members, int k) {
        // Members are laid out along the region, so look around the original's position first.
        int pos = Arrays.binarySearch(members, original);
        List<int[]> found = new ArrayList<>();
        int window = Math.max(k * 4, 32);
        for (int j = Math.max(0, pos - window); j < Math.min(members.length, pos + window + 1); j++) {
            int c = members[j];
            if (c != original && !exited[c] && c != b) {
                found.add(new int[] {c, (int) Math.round(m.distanceKm(c, b) * 1000)});
            }
        }
        found.sort((x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[0], y[0]));
        return found.stream().limit(k).mapToInt(x -> x[0]).toArray();
    }

    /** Capacity the node has not promised: a lead time's worth of production less what it owes. */
    private double spare(int s) {
        double cap = m.capacity[s] * capacityFactor[s];
        return Double.isInfinite(cap) ? Double.POSITIVE_INFINITY : cap * 3 - backlogOf[s];
    }

    // 2. Arrivals.
    private void arrive(int t) {
        int slot = t & m.ringMask;
        for (int i = 0; i < m.n; i++) {
            int at = i * m.ring + slot;
            double q = pipe[at];
            if (q != 0) {
                stock[i] += q;
                inTransit[i] -= q;
                pipe[at] = 0;
            }
        }
        if (arrivals.length > 0) {
            for (int b = 0; b < m.n; b++) {
                RecordQueue q = arrivals[b];
                while (!q.isEmpty() && q.first(0) <= t) {
                    delivered(b, (int) q.first(1), q.first(2), q.first(3), q.first(4), (int) q.first(5), t);
                    q.poll();
                }
            }
        }
    }

    /** A shipment of {@code qty} from {@code sup} (ordered on {@code orderDay}, lead promised, shipped on {@code shipDay}) reached buyer b: rate it, invoice it. */
    private void delivered(int b, int sup, double qty, double orderDay, double promisedLead, int shipDay, int t) {
        if (mech.trust()) {
            double lateness = t - (orderDay + promisedLead);
            double qp = Reciprocity.punctuality(Duration.ofDays((long) Math.max(0, lateness)), Duration.ofDays((long) Math.max(1, promisedLead)));
            double rejected = m.defectRate[sup] == 0 ? 0 : qty * m.defectRate[sup] * 2 * random.nextDouble();
            double qq = Reciprocity.qualified(qty - Math.min(qty, rejected), qty);
            double r = Reciprocity.coefficient(new org.hanse.core.trust.Dimensions(qp, qq, 1),
                    m.scenario.parameters().trust().promised(), m.scenario.parameters().trust().weights(),
                    m.scenario.parameters().trust().reciprocityCap());
            long now = seconds(t);
            TimedLog log = interactions[b];
            log.add(now, r, now - Duration.ofDays(m.scenario.parameters().trust().maxWindowDays()).toSeconds());
            // Decay-weighted over a window of at least 14 days: re-evaluated at most every two weeks per pair. The
            // simulator confirms no penalties, so T is the reciprocal trust.
            if (t - lastTrustEval[b] >= TRUST_EVERY) {
                trust[b] = TrustValue.reciprocal(log.at, log.value, 0, log.size, now, m.scenario.parameters().trust());
                setLevel(b, SharingLevel.next(level[b], trust[b], m.scenario.parameters().trust().pollingBelow(),
                        m.scenario.parameters().trust().realTimeFrom()));
                lastTrustEval[b] = t;
            }
        }
        if (mech.payments() && qty > 0) {
            // SMEs invoice weekly: a pair's deliveries of up to seven days make one invoice (a new supplier starts a new one).
            if (invoiceValue[b] > 0 && (t - invoiceStart[b] >= INVOICE_DAYS || invoiceSupplier[b] != sup)) {
                invoice(b, t);
            }
            if (invoiceValue[b] == 0) {
                invoiceStart[b] = t;
                invoiceFirstShip[b] = shipDay;
                invoiceSupplier[b] = sup;
            }
            double amount = qty * m.price[sup] * priceFactor;
            invoiceValue[b] += amount;
            invoiceArrivalDays[b] += amount * t;
        }
    }

    /**
     * The buyer's open invoice under MILESTONE terms (30/30/40 of {@link PaymentTerms.MilestoneShares#DEFAULT}): due at the
     * first shipment, the (amount-weighted) arrival and a day of inspection after it; each instalment paid with the
     * buyer's delay (± a day); deviation and credit record follow. Money is a double here, so the cent rounding of
     * the instalments (and the remainder that absorbs it) does not arise.
     */
    private void invoice(int b, int t) {
        int sup = invoiceSupplier[b];
        double amount = invoiceValue[b];
        long arrived = EPOCH_SECONDS + Math.round(invoiceArrivalDays[b] / amount * 86_400);
        long[] reached = milestoneSeconds;
        reached[Milestone.SHIPPED.ordinal()] = seconds(invoiceFirstShip[b]);
        reached[Milestone.DELIVERED.ordinal()] = arrived;
        reached[Milestone.ACCEPTED.ordinal()] = arrived + 86_400;
        long now = seconds(t);
        TimedLog log = settlements[b];
        for (int k = 0; k < SHARE_TRIGGER.length; k++) {
            long due = reached[SHARE_TRIGGER[k]] + SHARE_AFTER[k];
            double delay = m.paymentDelay[b] + random.nextDouble(-1, 1);
            long paid = due + Math.round(delay * 86_400);
            log.add(paid, due, now - Duration.ofDays(m.scenario.parameters().payment().creditWindowDays()).toSeconds());
            batchAmount[k] = amount * SHARE_FRACTION[k];
            batchPaid[k] = paid;
            batchArrived[k] = arrived;
        }
        // The deviation is an amount-weighted mean, so per-invoice means weighted by their amounts compose exactly.
        double deviation = Synchronisation.deviationDays(batchAmount, batchPaid, batchArrived, 0, SHARE_TRIGGER.length);
        paidAmount[b] += amount;
        paidWeighted[b] += amount * deviation;
        receivedAmount[sup] += amount;
        receivedWeighted[sup] += amount * deviation;
        invoiceValue[b] = 0;
        invoiceArrivalDays[b] = 0;
        // The credit record moves slowly (180 days): re-evaluated at most every four weeks per buyer.
        if (t - lastCreditEval[b] >= CREDIT_EVERY) {
            credit[b] = Synchronisation.creditRecord(log.other, log.at, 0, log.size, now, m.scenario.parameters().payment());
            lastCreditEval[b] = t;
        }
    }

    /** The simulator's terms as arrays: each instalment's milestone (ordinal), seconds after it, and share of the amount. */
    private static final int[] SHARE_TRIGGER;
    private static final long[] SHARE_AFTER;
    private static final double[] SHARE_FRACTION;

    static {
        List<PaymentTerms.Share> shares = PaymentTerms.MilestoneShares.DEFAULT.shares();
        SHARE_TRIGGER = new int[shares.size()];
        SHARE_AFTER = new long[shares.size()];
        SHARE_FRACTION = new double[shares.size()];
        for (int k = 0; k < shares.size(); k++) {
            SHARE_TRIGGER[k] = shares.get(k).trigger().ordinal();
            SHARE_AFTER[k] = shares.get(k).after().toSeconds();
            SHARE_FRACTION[k] = shares.get(k).percent().doubleValue() / 100;
        }
    }

    private final long[] milestoneSeconds = new long[Milestone.values().length];
    private final double[] batchAmount = new double[SHARE_TRIGGER.length];
    private final long[] batchPaid = new long[SHARE_TRIGGER.length];
    private final long[] batchArrived = new long[SHARE_TRIGGER.length];

    /** Day t as epoch seconds. */
    static long seconds(int t) {
        return EPOCH_SECONDS + t * 86_400L;
    }

    private static final long EPOCH_SECONDS = EPOCH.getEpochSecond();

    static Instant instant(int t) {
        return EPOCH.plus(Duration.ofDays(t));
    }

    // 3. End demand.
    private void serveEndDemand(int t) {
        for (int i : m.tierMembers[1]) {
            double d = m.demand[i].sample(random, t);
            endDemandToday[i] = d;
            if (exited[i]) {
                demandToday[i] = 0;
                stats.served(i, d, 0, t);
                continue;
            }
            double before = customerBacklog[i];
            double total = before + d;
            double shipped = Math.max(0, Math.min(stock[i], total));
            stock[i] -= shipped;
            customerBacklog[i] = total - shipped;
            stats.served(i, d, Math.max(0, Math.min(d, shipped - before)), t);
            demandToday[i] = d;
        }
    }

    // 4. Ordering, tier 1 upward.
    private void orderPass(int t) {
        Arrays.fill(orderToday, 0);
        for (int k = 2; k <= m.tiers; k++) {
            for (int i : m.tierMembers[k]) {
                demandToday[i] = 0;
            }
        }
        // End demand of the tier-1 nodes each node serves (today's links), for centralized forecasts and shared vectors.
        Arrays.fill(subtreeToday, 0);
        for (int i : m.byTier) {
            if (m.tier[i] == 1) {
                subtreeToday[i] += endDemandToday[i];
            }
            if (supplier[i] >= 0) {
                subtreeToday[supplier[i]] += subtreeToday[i];
            }
            if (subtreeStats.length > 0) {
                subtreeStats[i].add(subtreeToday[i]);
            }
        }
        // Tier by tier: a node's demand today is what its buyers ordered in this pass. Its buyers (one tier down) have
        // all ordered before its turn, so it ships to them right after ordering itself (step 5 of the day, per supplier).
        for (int i : m.byTier) {
            if (!exited[i]) {
                double q = order(i, demandToday[i], t);
                orderToday[i] = q;
                place(i, q, t);
                if (m.tier[i] > 1) {
                    shipFrom(i, t);
                }
            }
            stats.node(i, this);
        }
    }

    private double order(int i, double observed, int t) {
        double leadMean = m.leadMean[i];
        switch (policy.kind()) {
            case TEXTBOOK -> {
                // Centralized: every stage forecasts from end-customer demand (that of the tier-1 nodes it serves).
                // Centralized information, or Hanse forecast sharing (state vectors carry the downstream's end demand to
                // partners on the REAL_TIME list): the stage forecasts from end-customer demand instead of the orders it sees.
                boolean endDemand = policy.centralized() || (mech.forecastSharing() && m.tier[i] > 1 && sharesWith(i));
                forecast[i].add(endDemand ? subtreeToday[i] : observed);
                double target = OrderUpTo.targetFromVariance(leadMean, forecast[i].mean(), policy.z(), forecast[i].variance());
                double q = OrderUpTo.order(target, prevTarget[i], observed, policy.allowNegativeOrders());
                prevTarget[i] = target;
                return q;
            }
            case BASE_STOCK -> {
                double mean = stats.servedMean[i];
                double sd = stats.servedSd[i];
                double level = OrderUpTo.baseStock(leadMean, mean, sd, baseStockZ);
                return OrderUpTo.toLevel(level, position(i) - observedBacklogAdjust(i));
            }
            case HANSE -> {
                MovingAverage stats56 = demandStats[i];
                stats56.add(observed);
                double dBar = stats56.mean();
                double sigmaD = stats56.stdDev();
                if (mech.forecastSharing() && m.tier[i] > 1 && sharesWith(i)) {
                    // State vectors carry the downstream's demand: the upstream plans on end demand, not on the orders it sees.
                    dBar = subtreeStats[i].mean();
                    sigmaD = subtreeStats[i].stdDev();
                }
                double ss = BufferRule.safetyStock(bufferZ, dBar, sigmaD, leadMean, m.lead[i].sd());
                double low = ss + dBar * 1;
                double high = low + dBar * leadMean + 7 * dBar;
                double pos = position(i) - observedBacklogAdjust(i);
                if (mech.warnings() && supplier[i] >= 0 && dBar > 0) {
                    expedite[i] = BufferRule.needsExpedite(BufferRule.depletionDays(stock[i], customerBacklog[i], dBar), leadMean);
                }
                return pos < low ? high - pos : 0;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Whether every buyer of node i keeps it on the REAL_TIME list (state vectors flow only then). */
    private boolean sharesWith(int i) {
        return !mech.trust() || pollingBuyers[i] == 0;
    }

    /** Sets buyer b's sharing level toward its current supplier, keeping the supplier's count of polling buyers. */
    private void setLevel(int b, SharingLevel next) {
        if (next != level[b] && supplier[b] >= 0) {
            pollingBuyers[supplier[b]] += next == SharingLevel.POLLING ? 1 : -1;
        }
        level[b] = next;
    }

    /** Inventory position: stock + in transit + owed to it − what it owes. */
    private double position(int i) {
        return stock[i] + inTransit[i] + owed[i] + oneOffOwed[i];
    }

    private double observedBacklogAdjust(int i) {
        return m.tier[i] == 1 ? customerBacklog[i] : backlogOf[i];
    }

    private void place(int i, double q, int t) {
        if (q == 0) {
            return;
        }
        int s = supplier[i];
        int lead = m.constantLead[i] > 0 ? m.constantLead[i] : m.lead[i].sample(random);
        if (s < 0) {
            // From outside, without limit.
            if (q > 0 || policy.allowNegativeOrders()) {
                schedule(i, q, t + lead + extraDelay[i], -1, t, lead, t);
            }
            return;
        }
        if (exited[s]) {
            return;
        }
        double accepted = q;
        if (mech.triggerResponse() && q > 0) {
            double cap = m.capacity[s] * capacityFactor[s];
            double free = Double.isInfinite(cap) ? Double.POSITIVE_INFINITY : cap * (lead + 1) - backlogOf[s];
            double requiredHours = Double.isInfinite(cap) || cap == 0 ? 0 : q / cap * 24 + lead * 24;
            double urgency = UrgencyIndex.of(1.0, requiredHours, (lead + 1) * 24.0);
            Outcome outcome = Outcome.of(free >= q, true, urgency, m.scenario.parameters().ordering().thetaU());
            urgent[i] = outcome == Outcome.ACCEPTED_COLLABORATIVE;
            if (outcome == Outcome.REJECTED) {
                accepted = Math.max(0, free);
                double rest = q - accepted;
                // The rejected rest goes to the buyer's best backup with spare capacity, if substitution is on.
                int alt = mech.substitution() ? bestBackup(i, s, true) : -1;
                if (alt >= 0 && (oneOffSupplier[i] < 0 || oneOffSupplier[i] == alt)) {
                    oneOffSupplier[i] = alt;
                    oneOffOwed[i] += rest;
                    demandToday[alt] += rest;
                    backlogOf[alt] += rest;
                    addBuyer(alt, i);
                }
                stats.rejected++;
            }
        }
        owed[i] += accepted;
        backlogOf[s] += accepted;
        demandToday[s] += accepted;
        if (openOrders.length > 0 && accepted > 0) {
            openOrders[i].add(t, accepted, lead);
        }
    }

    private void schedule(int buyer, double q, int arrivalDay, int fromSupplier, int orderDay, int promisedLead, int shipDay) {
        pipe[buyer * m.ring + (arrivalDay & m.ringMask)] += q;
        inTransit[buyer] += q;
        if (arrivals.length > 0 && fromSupplier >= 0) {
            arrivals[buyer].add(arrivalDay, fromSupplier, q, orderDay, promisedLead, shipDay);
        }
    }

    // 5. Shipping, by each supplier at its turn.
    private void shipFrom(int s, int t) {
        double cap = m.capacity[s] * capacityFactor[s];
        backlogBeforeShipping[s] = backlogOf[s] - demandToday[s];
        shippedToday[s] = 0;
        // Urgent (collaborative) and expedited buyers first, then the others, each in index order (one pass when
        // neither trigger-response nor warnings can mark a buyer first).
        for (int pass = prioritised ? 0 : 1; pass < 2; pass++) {
            for (int b : buyers[s]) {
                boolean first = prioritised && (urgent[b] || expedite[b]);
                if ((pass == 0) != first) {
                    continue;
                }
                if (supplier[b] == s && owed[b] != 0) {
                    cap = ship(s, b, t, cap, false);
                }
                if (oneOffSupplier[b] == s && oneOffOwed[b] > 0) {
                    cap = ship(s, b, t, cap, true);
                }
            }
        }
    }

    private double ship(int s, int b, int t, double cap, boolean oneOff) {
        double due = oneOff ? oneOffOwed[b] : owed[b];
        double q;
        if (due < 0) {
            q = due;
        } else {
            q = Math.min(due, Math.max(0, Math.min(stock[s], cap)));
            if (mech.payments() && credit[b] < 1 && q > 0) {
                // The logistics rhythm for a late payer: batches × max(0.5, c), spaced × (1 + (1 − c)).
                Synchronisation.Rhythm r = Synchronisation.rhythm(Duration.ofDays(1), Math.max(1, m.capacity[s] == Double.POSITIVE_INFINITY
                        ? due : m.capacity[s]), credit[b]);
                if (t - lastShipDay[b] < Math.ceil(r.interval().toHours() / 24.0)) {
                    return cap;
                }
                q = Math.min(q, r.batch());
            }
        }
        if (q == 0) {
            return cap;
        }
        stock[s] -= q;
        backlogOf[s] -= q;
        shippedToday[s] += q;
        if (oneOff) {
            oneOffOwed[b] -= q;
            if (oneOffOwed[b] <= 1e-9) {
                oneOffOwed[b] = 0;
                oneOffSupplier[b] = -1;
            }
        } else {
            owed[b] -= q;
        }
        lastShipDay[b] = t;
        int lead = m.constantLead[b] > 0 ? m.constantLead[b] : m.lead[b].sample(random);
        if (expedite[b]) {
            lead = Math.max(1, lead - 1);
        }
        double orderDay = t;
        double promised = lead;
        if (openOrders.length > 0 && !openOrders[b].isEmpty()) {
            RecordQueue o = openOrders[b];
            orderDay = o.first(0);
            promised = o.first(2);
            o.setFirst(1, o.first(1) - q);
            if (o.first(1) <= 1e-9) {
                o.poll();
            }
        }
        schedule(b, q, t + lead + extraDelay[b], s, (int) orderDay, (int) promised, t);
        return Double.isInfinite(cap) ? cap : cap - Math.max(0, q);
    }

    // Accessors for Stats.
    double stock(int i) {
        return stock[i];
    }

    double backlog(int i) {
        return m.tier[i] == 1 ? customerBacklog[i] : Math.max(0, backlogOf[i]);
    }

    /** What the node filled of today's demand from stock (after serving its older backlog). */
    double filledToday(int i) {
        return Math.max(0, Math.min(demandToday[i], shippedToday[i] - Math.max(0, backlogBeforeShipping[i])));
    }

    double subtreeToday(int i) {
        return subtreeToday[i];
    }

    double shippedToday(int i) {
        return shippedToday[i];
    }

    int supplierOf(int b) {
        return supplier[b];
    }

    double oneOffOwed(int b) {
        return oneOffOwed[b];
    }

    double orderToday(int i) {
        return orderToday[i];
    }

    double endDemandToday(int i) {
        return endDemandToday[i];
    }

    double demandToday(int i) {
        return demandToday[i];
    }

    boolean exited(int i) {
        return exited[i];
    }

    double trust(int b) {
        return trust[b];
    }

    double credit(int b) {
        return credit[b];
    }

    /** DPO of this flow: amount-weighted days from arrival to payment of what the node paid (0 without payments). */
    double paymentDelayDays(int i) {
        return paidAmount[i] == 0 ? 0 : paidWeighted[i] / paidAmount[i];
    }

    /** DSO: the same for what the node's buyers paid it. */
    double receivableDays(int i) {
        return receivedAmount[i] == 0 ? 0 : receivedWeighted[i] / receivedAmount[i];
    }
}
