package org.hanse.app.relations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.continuity.BackupAdvice;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.network.RelationshipDepth;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.parameters.NetworkParameterSource;
import org.hanse.app.parameters.ParameterSet;
import org.hanse.app.pricing.ExchangeRateBook;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.parameters.NetworkParameters;
import org.hanse.core.relation.Density;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transaction density per (buyer, supplier) over the window W (RULES 3.2): ρ = w_f · f / f_ref + w_a · κ · m with m the
 * ordered quantity per day and κ = 1 / median(m) over the network's active pairs; θ1; θ2 from the supplier's
 * spare capacity (next 30 days) and the buyer's declared switching cost; the class with hysteresis. Every value comes
 * from the network's current parameter set at the moment of the assessment, whose version is stored with it (a later
 * change applies from the next assessment, never to a stored one). A class change sends RELATIONSHIP_REASSESSED to
 * both with the sharing depth, exception priority and, for lock-in, diversification advice (keep any supplier at most
 * the maximum share of the buyer's quantity of a material) naming concrete alternatives. Amounts are
 * order quantities in the supplier's units (orders carry no prices); κ makes them comparable across pairs.
 */
@Service
public class RelationLedger implements RelationshipDepth {

    private final JdbcClient jdbc;
    private final OrderBook orders;
    private final Adjacency adjacency;
    private final BackupAdvice backups;
    private final NodeEvents events;
    private final Clock clock;
    private final ExchangeRateBook rates;
    private final NetworkParameterSource parameters;

    RelationLedger(JdbcClient jdbc, OrderBook orders, Adjacency adjacency, BackupAdvice backups, NodeEvents events, Clock clock,
                   ExchangeRateBook rates, NetworkParameterSource parameters) {
        this.rates = rates;
        this.parameters = parameters;
        this.jdbc = jdbc;
        this.orders = orders;
        this.adjacency = adjacency;
        this.backups = backups;
        this.events = events;
        this.clock = clock;
    }

    /** A pair's stored assessment. */
    record Pair(String buyer, String supplier, Density.RelationClass relationClass, double rho, double theta2, int orders, double dailyAmount,
                double spareCapacity, Instant assessedAt, double theta1, long parametersVersion) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("buyer", buyer);
            m.put("supplier", supplier);
            m.put("class", relationClass.name());
            m.put("rho", round(rho));
            m.put("theta1", theta1);
            m.put("theta2", round(theta2));
            m.put("ordersIn90Days", orders);
            m.put("parametersVersion", parametersVersion);
            m.put("dailyAmount", round(dailyAmount));
            m.put("spareCapacity", round(spareCapacity));
            m.put("sharingDepth", relationClass.sharingDepth());
            m.put("exceptionPriority", relationClass.exceptionPriority());
            m.put("assessedAt", assessedAt.toString());
            return m;
        }
    }

    @Override
    public boolean sharesBufferState(String a, String b) {
        // A pair not assessed yet (no orders) keeps the default exchange; assessed MARKET pairs share order status only.
        return pair(a, b).or(() -> pair(b, a)).map(p -> p.relationClass().sharesBuffers()).orElse(true);
    }

    @Override
    public org.hanse.core.relation.ReleaseOrder.Priority exceptionPriority(String buyer, String supplier) {
        return pair(buyer, supplier).map(p -> org.hanse.core.relation.ReleaseOrder.Priority.valueOf(p.relationClass().exceptionPriority()))
                .orElse(org.hanse.core.relation.ReleaseOrder.Priority.NORMAL);
    }

    Optional<Pair> pair(String buyer, String supplier) {
        return jdbc.sql("SELECT * FROM relation_pair WHERE buyer_id = ? AND supplier_id = ? AND orders_count >= 0").params(buyer, supplier)
                .query(RelationLedger::toPair).optional();
    }

    private static Pair toPair(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Pair(rs.getString("buyer_id"), rs.getString("supplier_id"), Density.RelationClass.valueOf(rs.getString("relation_class")),
                rs.getDouble("rho"), rs.getDouble("theta2"), rs.getInt("orders_count"), rs.getDouble("daily_amount"),
                rs.getDouble("spare_capacity"), rs.getTimestamp("assessed_at").toInstant(),
                rs.getObject("theta1") == null ? Density.THETA_1 : rs.getDouble("theta1"), rs.getLong("parameters_version"));
    }

    List<Pair> pairs() {
        return jdbc.sql("SELECT * FROM relation_pair WHERE orders_count >= 0 ORDER BY buyer_id, supplier_id").query(RelationLedger::toPair).list();
    }

    /** The pair's relationship class as last assessed (no new assessment); empty when never assessed. */
    public Optional<String> relationClass(String buyer, String supplier) {
        return jdbc.sql("SELECT relation_class FROM relation_pair WHERE buyer_id = ? AND supplier_id = ? AND orders_count >= 0")
                .params(buyer, supplier).query(String.class).optional();
    }

    /** Re-assesses the pair now (on each order, and daily as orders leave the window). */
    @Transactional
    public Pair assess(String buyer, String supplier) {
        // One assessment of a pair at a time: make sure its row exists, lock it, and only then count the orders, so the
        // assessment that runs last also counts last (orders placed together are assessed concurrently).
        jdbc.sql("""
                INSERT INTO relation_pair (buyer_id, supplier_id, relation_class, rho, theta2, orders_count, daily_amount, spare_capacity, assessed_at)
                VALUES (?, ?, 'MARKET', 0, 0, -1, 0, 0, ?) ON CONFLICT DO NOTHING""").params(buyer, supplier, Timestamp.from(clock.instant())).update();
        Optional<Pair> before = jdbc.sql("SELECT * FROM relation_pair WHERE buyer_id = ? AND supplier_id = ? FOR UPDATE").params(buyer, supplier)
                .query(RelationLedger::toPair).optional().filter(p -> p.orders() >= 0);
        Instant now = clock.instant();
        ParameterSet set = parameters.forPair(buyer, supplier);
        NetworkParameters.DensityParameters p = set.parameters().density();
        double days = p.windowDays();
        OrderBook.PairVolume volume = orders.pairVolume(buyer, supplier, now.minus(p.window()));
        // m is money: each order's value in the reference currency at the rate of its order date (unpriced orders add nothing).
        double m = Density.amount(orders.pairValues(buyer, supplier, now.minus(p.window())), rates.rates()).total().amount().doubleValue() / days;
        List<Double> amounts = new ArrayList<>(jdbc.sql("SELECT daily_amount FROM relation_pair WHERE NOT (buyer_id = ? AND supplier_id = ?)")
                .params(buyer, supplier).query(Double.class).list());
        amounts.add(m);
        double kappa = Density.kappa(amounts);
        double rho = Density.rho(volume.orders(), m * days, days, kappa, p);
        double spare = orders.spareCapacityRatio(supplier, now, 30);
        double switching = jdbc.sql("SELECT switching_cost FROM pair_setting WHERE buyer_id = ? AND supplier_id = ?").params(buyer, supplier)
                .query((rs, n) -> rs.getObject(1) == null ? 0.0 : rs.getDouble(1)).optional().orElse(0.0);
        double theta2 = Density.theta2(spare, switching, p);
        Density.RelationClass next = Density.reassess(before.map(Pair::relationClass).orElse(null), rho, theta2, p);
        jdbc.sql("""
                UPDATE relation_pair SET relation_class = ?, rho = ?, theta2 = ?, orders_count = ?, daily_amount = ?, spare_capacity = ?, assessed_at = ?,
                theta1 = ?, parameters_version = ? WHERE buyer_id = ? AND supplier_id = ?""")
                .params(next.name(), rho, theta2, volume.orders(), m, spare, Timestamp.from(now), p.theta1(), set.version(), buyer, supplier).update();
        Pair after = pair(buyer, supplier).orElseThrow();
        Density.RelationClass previous = before.map(Pair::relationClass).orElse(Density.RelationClass.MARKET);
        if (previous != next) {
            Map<String, Object> payload = new LinkedHashMap<>(after.json());
            payload.put("from", previous.name());
            if (next == Density.RelationClass.LOCK_IN_RISK) {
                payload.put("advice", advice(buyer, supplier, now, p));
            }
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RELATIONSHIP_REASSESSED, supplier, List.of(buyer), now, payload));
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RELATIONSHIP_REASSESSED, buyer, List.of(supplier), now, payload));
        }
        return after;
    }

    /** Per material of the link: the supplier's share of the buyer's quantity, the 60 % bound and alternatives. */
    List<Map<String, Object>> advice(String buyer, String supplier, Instant now, NetworkParameters.DensityParameters p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Link l : adjacency.acceptedLinks()) {
            if (!l.buyer().equals(buyer) || !l.supplier().equals(supplier)) {
                continue;
            }
            for (String material : l.materials()) {
                Map<String, Double> bySupplier = orders.suppliedTo(buyer, material, now.minus(p.window()));
                double total = bySupplier.values().stream().mapToDouble(Double::doubleValue).sum();
                double share = total <= 0 ? 0 : bySupplier.getOrDefault(supplier, 0.0) / total;
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("material", material);
                a.put("share", round(share));
                a.put("keepAtMost", p.maxSupplierShare());
                a.put("shiftQuantityPerDay", round(Math.max(0, share - p.maxSupplierShare()) * total / p.windowDays()));
                a.put("alternatives", backups.alternatives(buyer, supplier, material, 3));
                out.add(a);
            }
        }
        return out;
    }

    /** The network's current density parameters (window W and the rest). */
    NetworkParameters.DensityParameters density() {
        return parameters.parameters().density();
    }

    /** Every accepted link's pair, re-assessed (daily). */
    int assessAll() {
        int n = 0;
        for (Link l : adjacency.acceptedLinks()) {
            assess(l.buyer(), l.supplier());
            n++;
        }
        return n;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
