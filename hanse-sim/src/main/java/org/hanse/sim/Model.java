package org.hanse.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario compiled to arrays for the engine: nodes by index and tier, each buyer's first supplier (−1 when supplied
 * from outside), the pipeline length, and the disruptions by node index. Shared read-only by all replications.
 */
final class Model {

    final Scenario scenario;
    final int n;
    final int tiers;
    final String[] id;
    final int[] tier;
    final int[] supplier;
    final LeadTime[] lead;
    final Demand[] demand;
    final double[] capacity;
    final double[] lat;
    final double[] lon;
    final double[] initial;
    final double[] price;
    final double[] paymentDelay;
    final double[] defectRate;
    final Set<String>[] equipment;
    /** Node indices, tier 1 first: the order of the ordering pass. */
    final int[] byTier;
    /** Node indices of each tier. */
    final int[][] tierMembers;
    /** Days a pipeline must look ahead: the longest lead time plus the largest transport delay, plus one. */
    final int ring;
    final int ringMask;
    /** Mean inbound lead time, and the lead time where it is constant (0 where it is drawn). */
    final double[] leadMean;
    final int[] constantLead;
    final Map<String, Integer> index = new HashMap<>();
    /**
     * The nodes tier 1 first when the network is one serial chain (a node per tier, each supplied by the one above, the
     * top from outside) with constant lead times of at least a day; null otherwise.
     */
    final int[] serialChain;

    @SuppressWarnings("unchecked")
    Model(Scenario s) {
        this(s, true);
    }

    /** The model; {@code serialChains} false never marks a serial chain (so it runs on the general engine). */
    Model(Scenario s, boolean serialChains) {
        this.scenario = s;
        this.n = s.nodes().size();
        id = new String[n];
        tier = new int[n];
        supplier = new int[n];
        lead = new LeadTime[n];
        demand = new Demand[n];
        capacity = new double[n];
        lat = new double[n];
        lon = new double[n];
        initial = new double[n];
        price = new double[n];
        paymentDelay = new double[n];
        defectRate = new double[n];
        equipment = new Set[n];
        int maxTier = 1;
        int maxLead = 1;
        for (int i = 0; i < n; i++) {
            Scenario.NodeSpec spec = s.nodes().get(i);
            index.put(spec.id(), i);
            id[i] = spec.id();
            tier[i] = spec.tier();
            lead[i] = spec.leadTime();
            demand[i] = spec.demand();
            capacity[i] = spec.capacity();
            lat[i] = spec.lat();
            lon[i] = spec.lon();
            price[i] = spec.unitPrice();
            paymentDelay[i] = spec.paymentDelayDays();
            defectRate[i] = spec.defectRate();
            equipment[i] = new HashSet<>(spec.equipment());
            maxTier = Math.max(maxTier, spec.tier());
            maxLead = Math.max(maxLead, spec.leadTime().max());
        }
        tiers = maxTier;
        Arrays.fill(supplier, -1);
        for (Scenario.LinkSpec l : s.links()) {
            supplier[index.get(l.buyer())] = index.get(l.supplier());
        }
        int extra = 0;
        for (Disruption d : s.disruptions()) {
            if (d instanceof Disruption.TransportDelay t) {
                extra = Math.max(extra, t.extraDays());
            }
        }
        // A power of two, so a day's slot is a mask, not a division.
        ring = Integer.highestOneBit(maxLead + extra + 2) << 1;
        ringMask = ring - 1;
        leadMean = new double[n];
        constantLead = new int[n];
        for (int i = 0; i < n; i++) {
            leadMean[i] = lead[i].mean();
            constantLead[i] = lead[i] instanceof LeadTime.Constant c ? c.days() : 0;
        }
        List<Integer> order = new ArrayList<>();
        tierMembers = new int[tiers + 1][];
        for (int k = 1; k <= tiers; k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (tier[i] == k) {
                    members.add(i);
                }
            }
            tierMembers[k] = members.stream().mapToInt(Integer::intValue).toArray();
            order.addAll(members);
        }
        byTier = order.stream().mapToInt(Integer::intValue).toArray();
        serialChain = serialChains && isSerialChain() ? byTier : null;
        // Starting stock: given, else the textbook target for the mean demand the node serves (L · μ plus a week).
        double[] served = new double[n];
        for (int i : byTier) {
            if (tier[i] == 1) {
                served[i] += demand[i].mean();
            }
            if (supplier[i] >= 0) {
                served[supplier[i]] += served[i];
            }
        }
        for (int i = 0; i < n; i++) {
            double given = s.nodes().get(i).initialInventory();
            initial[i] = given >= 0 ? given : served[i] * (lead[i].mean() + 7);
        }
    }

    private boolean isSerialChain() {
        for (int k = 0; k < n; k++) {
            int i = byTier[k];
            boolean linked = k + 1 < n ? supplier[i] == byTier[k + 1] : supplier[i] < 0;
            if (tierMembers[tier[i]].length != 1 || tier[i] != k + 1 || !linked || constantLead[i] < 1) {
                return false;
            }
        }
        return n > 0;
    }

    /** Great-circle distance in km (the extra transport cost of a backup is taken as proportional to it). */
    double distanceKm(int a, int b) {
        double p1 = Math.toRadians(lat[a]);
        double p2 = Math.toRadians(lat[b]);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon[b] - lon[a]);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
