package org.hanse.app.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.trust.TrustLedger;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.exit.Downstream;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may stand in for a leaving supplier (issue 16): only nodes that actually supply the material — capacity declared
 * for it, or an accepted link supplying it to someone — and that pass the operator's minimum level
 * ({@link SubstitutionSettings}); never the buyer's competitors downstream of the leaving supplier. A self-registered copy of a supplier's location and mapping supplies nothing the
 * network can see and has neither trust nor the operator's word, so it never sees the buyer's business.
 */
@Service
class SubstitutionPolicy implements NodeVerification {

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final TrustLedger trust;
    private final SubstitutionSettings settings;
    private final Clock clock;

    SubstitutionPolicy(JdbcClient jdbc, Adjacency adjacency, OrderBook orders, TrustLedger trust, SubstitutionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.orders = orders;
        this.trust = trust;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the node declares capacity for the material. */
    boolean declaresCapacity(String node, String material) {
        return orders.capacityOf(node).flatMap(p -> p.capability(material)).isPresent();
    }

    /** Whether the node supplies the material: declared capacity for it, or an accepted link supplying it. */
    boolean supplies(String node, String material) {
        return declaresCapacity(node, material) || !adjacency.buyersOf(node, material).isEmpty();
    }

    /** Every node supplying the material, sorted. */
    List<String> suppliersOf(String material) {
        Set<String> nodes = new HashSet<>(orders.nodesMaking(material));
        adjacency.acceptedLinks().stream().filter(l -> l.materials().contains(material)).map(Link::supplier).forEach(nodes::add);
        return nodes.stream().sorted().toList();
    }

    /** The level test for a batch of candidates: verified nodes and the mean trust are read once. */
    Predicate<String> passesLevel() {
        if (settings.minLevel() == SubstitutionSettings.Level.ANY) {
            return n -> true;
        }
        Set<String> verified = Set.copyOf(jdbc.sql("SELECT node_id FROM node_verification").query(String.class).list());
        if (settings.minLevel() == SubstitutionSettings.Level.VERIFIED) {
            return verified::contains;
        }
        Map<String, Double> meanTrust = trust.meanTrustIn();
        return n -> verified.contains(n) || meanTrust.getOrDefault(n, -1.0) >= settings.minTrust();
    }

    /**
     * The candidates the policy allows to stand in for the original's supply of the material to the buyer: suppliers
     * of the material passing the level, never the buyer's competitors downstream of the original ({@link #downstream}).
     */
    Predicate<String> eligible(String buyer, String original, String material) {
        Predicate<String> level = passesLevel();
        Set<String> downstream = downstream(buyer, original, material);
        return n -> !downstream.contains(n) && supplies(n, material) && level.test(n);
    }

    /**
     * The buyer's competitors downstream of the original's supply of the material (RULES 3.9, {@link Downstream}), over
     * the accepted links and the original's ended ones: a node that bought from it before it left shares its source.
     */
    Set<String> downstream(String buyer, String original, String material) {
        List<Downstream.Supply> supplies = new java.util.ArrayList<>();
        for (Link l : adjacency.acceptedLinks()) {
            supplies.add(new Downstream.Supply(l.buyer(), l.supplier(), l.materials()));
        }
        for (Link l : adjacency.suppliedBy(original)) {
            supplies.add(new Downstream.Supply(l.buyer(), l.supplier(), l.materials()));
        }
        return Downstream.of(supplies, original, buyer, material);
    }

    /** What the offer asks of a candidate: the open orders' total (else the pair's mean order) by the latest due date. */
    record Demand(double quantity, Instant due) {
    }

    @SuppressWarnings("unchecked")
    static Demand demand(Map<String, Object> params, Instant now) {
        List<Map<String, Object>> open = (List<Map<String, Object>>) params.get("openOrders");
        double quantity = open.stream().mapToDouble(o -> ((Number) o.get("quantity")).doubleValue()).sum();
        Instant due = open.stream().map(o -> Instant.parse((String) o.get("due"))).max(Instant::compareTo)
                .orElse(now.plus(Duration.parse((String) params.get("meanOrderInterval"))));
        if (quantity <= 0) {
            quantity = ((Number) params.get("meanQuantity")).doubleValue();
        }
        return new Demand(Math.max(quantity, 1e-9), due.isAfter(now) ? due : now.plus(Duration.ofDays(1)));
    }

    /** The candidate's own capacity rule on the demand; empty when it declares no capacity for the material. */
    Optional<Boolean> capacityAllows(String node, String material, Map<String, Object> params, Instant now) {
        Demand d = demand(params, now);
        return orders.capacityAllows(node, material, d.quantity(), d.due(), now);
    }

    @Override
    @Transactional
    public void verify(String node, boolean verified, String note) {
        record(node, verified, note);
    }

    /** The operator verifies a node (or takes it back); returns the verification as now stored. */
    @Transactional
    Map<String, Object> record(String node, Boolean verified, String note) {
        if (!adjacency.exists(node)) {
            throw new NotFoundException("node " + node + " does not exist");
        }
        List<Problem> problems = new java.util.ArrayList<>();
        if (verified == null) {
            problems.add(new Problem("verified", "is required: true or false"));
        }
        if (note != null && note.length() > 500) {
            problems.add(new Problem("note", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("DELETE FROM node_verification WHERE node_id = ?").param(node).update();
        if (verified) {
            jdbc.sql("INSERT INTO node_verification (node_id, verified_at, note) VALUES (?, ?, ?)")
                    .params(node, Timestamp.from(clock.instant()), note).update();
        }
        return verification(node);
    }

    Map<String, Object> verification(String node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", node);
        m.put("verified", false);
        jdbc.sql("SELECT verified_at, note FROM node_verification WHERE node_id = ?").param(node).query(rs -> {
            m.put("verified", true);
            m.put("verifiedAt", rs.getTimestamp(1).toInstant().toString());
            if (rs.getString(2) != null) {
                m.put("note", rs.getString(2));
            }
        });
        return m;
    }

    Map<String, Object> settings() {
        return Map.of("minLevel", settings.minLevel().name(), "minTrust", settings.minTrust());
    }
}
