package org.hanse.app.relations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.messaging.Acknowledgements;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.core.node.Location;
import org.hanse.core.relation.Distortion;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/v1/network/analytics}: densities and classes, critical paths toward every finished-goods node (a
 * buyer that supplies nobody), bullwhip per tier (tier 1 = finished-goods nodes, whose daily consumption is the end
 * demand; tier k orders placed per day over 56 days), response delays per link (request sent → acknowledged or
 * answered by its recipient, 30 days) with the suggested timeout base + 2σ, and the spatial clustering index. The operator
 * sees the network; a node its own slice (its pairs, paths through it, its links' delays).
 */
@Service
class NetworkAnalytics {

    static final int DEMAND_DAYS = 56;
    static final Duration DELAY_WINDOW = Duration.ofDays(30);

    private final RelationLedger ledger;
    private final CriticalPaths criticalPaths;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final StockBook stock;
    private final Clock clock;
    private final Acknowledgements acknowledgements;

    NetworkAnalytics(RelationLedger ledger, CriticalPaths criticalPaths, Adjacency adjacency, OrderBook orders, StockBook stock,
                     Clock clock, Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.ledger = ledger;
        this.criticalPaths = criticalPaths;
        this.adjacency = adjacency;
        this.orders = orders;
        this.stock = stock;
        this.clock = clock;
    }

    Map<String, Object> analytics(Principal principal) {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        String me = principal.isOperator() ? null : principal.requireNode();
        List<Link> links = adjacency.acceptedLinks();
        Set<String> nodes = new HashSet<>();
        Set<String> suppliers = new HashSet<>();
        for (Link l : links) {
            nodes.add(l.buyer());
            nodes.add(l.supplier());
            suppliers.add(l.supplier());
        }
        List<String> finished = nodes.stream().filter(n -> !suppliers.contains(n)).sorted().toList();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", me == null ? "network" : me);
        out.put("pairs", ledger.pairs().stream().filter(p -> me == null || p.buyer().equals(me) || p.supplier().equals(me)).map(RelationLedger.Pair::json).toList());

        // Critical paths: c_e = (v_e / v_max) · τ_e over supplier → buyer edges, toward every finished-goods node.
        List<Map<String, Object>> paths = new ArrayList<>();
        criticalPaths.compute().forEach((target, path) -> {
            if (me == null || path.nodes().contains(me)) {
                paths.add(Map.of("toward", target, "nodes", path.nodes(), "weight", RelationLedger.round(path.weight())));
            }
        });
        out.put("criticalPaths", paths);
        // Supply cycles (A buys from B and B from A, or rings): legal trade, but without a before/after along them.
        out.put("cycles", CriticalPaths.cycles(links).stream().filter(c -> me == null || c.contains(me)).toList());

        // Tiers by distance from the finished-goods nodes; bullwhip of each tier's orders against end demand.
        Map<String, Integer> tier = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(finished);
        finished.forEach(f -> tier.put(f, 1));
        Map<String, List<String>> suppliersOf = new HashMap<>();
        links.forEach(l -> suppliersOf.computeIfAbsent(l.buyer(), k -> new ArrayList<>()).add(l.supplier()));
        while (!queue.isEmpty()) {
            String n = queue.poll();
            for (String s : suppliersOf.getOrDefault(n, List.of())) {
                if (!tier.containsKey(s)) {
                    tier.put(s, tier.get(n) + 1);
                    queue.add(s);
                }
            }
        }
        double[] endDemand = new double[DEMAND_DAYS];
        for (double[] c : stock.dailyConsumptionAll(finished, now, DEMAND_DAYS).values()) {
            for (int d = 0; d < DEMAND_DAYS; d++) {
                endDemand[d] += c[d];
            }
        }
        Map<String, double[]> ordered = orders.dailyOrderedAll(now, DEMAND_DAYS);
        Map<Integer, double[]> byTier = new TreeMap<>();
        tier.forEach((n, k) -> {
            double[] series = byTier.computeIfAbsent(k, x -> new double[DEMAND_DAYS]);
            double[] mine = ordered.getOrDefault(n, new double[DEMAND_DAYS]);
            for (int d = 0; d < DEMAND_DAYS; d++) {
                series[d] += mine[d];
            }
        });
        List<Map<String, Object>> bullwhip = new ArrayList<>();
        byTier.forEach((k, series) -> {
            double bw = Distortion.bullwhip(series, endDemand);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tier", k);
            m.put("nodes", tier.values().stream().filter(x -> x.equals(k)).count());
            m.put("bullwhip", Double.isNaN(bw) ? null : RelationLedger.round(bw));
            bullwhip.add(m);
        });
        out.put("bullwhip", me == null ? bullwhip : List.of());
        out.put("endDemandDays", DEMAND_DAYS);

        // Response delays per (requester, responder) link: request sent → acknowledged or answered.
        Map<String, List<Double>> delays = new TreeMap<>();
        for (Acknowledgements.Answered a : acknowledgements.answeredSince(now.minus(DELAY_WINDOW))) {
            if (me == null || me.equals(a.sender()) || me.equals(a.recipient())) {
                delays.computeIfAbsent(a.sender() + ">" + a.recipient(), k -> new ArrayList<>()).add(Math.max(0, a.delay().toMillis() / 1000.0));
            }
        }
        List<Map<String, Object>> delayStats = new ArrayList<>();
        delays.forEach((k, list) -> {
            double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
            String[] pair = k.split(">");
            double variance = Distortion.variance(v);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", pair[0]);
            m.put("to", pair[1]);
            m.put("messages", v.length);
            m.put("meanSeconds", RelationLedger.round(Distortion.mean(v)));
            m.put("varianceSeconds2", RelationLedger.round(variance));
            m.put("suggestedTimeout", Distortion.suggestedTimeout(adjacency.responseTimeout(pair[1]).waitFor(), variance).toString());
            delayStats.add(m);
        });
        out.put("delays", delayStats);
        if (me == null) {
            Map<String, Location> all = adjacency.locations();
            List<Location> locations = nodes.stream().sorted().map(all::get).toList();
            out.put("clusteringIndexKm", RelationLedger.round(Distortion.meanNearestNeighbourKm(locations)));
        }
        out.put("computedInMs", RelationLedger.round((System.nanoTime() - t0) / 1e6));
        return out;
    }
}
