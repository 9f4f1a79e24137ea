package org.hanse.app.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.exit.BackupScore;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.ProductionResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backup lists per (buyer, supplier, material), RULES 3.9: every other node that maps the material and that
 * {@link SubstitutionPolicy} allows (it supplies the material, passes the operator's minimum level and is no
 * competitor of the buyer downstream of the supplier), scored
 * 0.6 · similarity + 0.4 · proximity — similarity from the equipment models (Jaccard) and parameter ranges of the
 * resources making the material, proximity = 1 / (1 + Δc / c₀) with Δc the extra distance to the buyer and c₀ the
 * original's distance (at least 50 km). Viable means some similarity (BackupScore.rank drops the rest). Pinned
 * candidates come first, excluded ones never; nodes that left are out.
 * Fewer than two viable candidates is BACKUP_LIST_SHORT, told to the buyer when the list becomes short. With none at
 * all the list names the nodes complementing the supplier's resources ({@link ComplementBackups}), flagged as such.
 */
@Service
class BackupLists {

    static final double MIN_REFERENCE_KM = 50;

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final SubstitutionPolicy policy;
    private final ComplementBackups complements;

    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    BackupLists(JdbcClient jdbc, Adjacency adjacency, OrderBook orders, NodeEvents events, JsonMapper json, Clock clock, SubstitutionPolicy policy,
                ComplementBackups complements, org.hanse.app.parameters.NetworkParameterSource parameters) {
        this.parameters = parameters;
        this.policy = policy;
        this.complements = complements;
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.orders = orders;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A ranked candidate. */
    record Candidate(String node, double similarity, double proximity, double score, boolean pinned, boolean declaresCapacity) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", node);
            m.put("score", round(score));
            m.put("similarity", round(similarity));
            m.put("proximity", round(proximity));
            m.put("pinned", pinned);
            m.put("declaresCapacity", declaresCapacity);
            m.put("complement", false);
            return m;
        }
    }

    /** The current ranking (not stored). */
    List<Candidate> rank(String buyer, String supplier, String material) {
        Set<String> excluded = new HashSet<>();
        Set<String> pinned = new HashSet<>();
        preferences(buyer, supplier, material, excluded, pinned);
        Set<String> gone = gone();
        BackupScore.Capability original = capability(supplier, material);
        double reference = Math.max(MIN_REFERENCE_KM, adjacency.distanceKm(supplier, buyer));
        double base = adjacency.distanceKm(supplier, buyer);
        List<BackupScore.Candidate> scored = new ArrayList<>();
        java.util.function.Predicate<String> eligible = policy.eligible(buyer, supplier, material);
        org.hanse.core.parameters.NetworkParameters.ExitParameters weights = parameters.parameters().exit();
        for (String node : adjacency.nodesMapping(material)) {
            if (node.equals(buyer) || node.equals(supplier) || excluded.contains(node) || gone.contains(node) || !eligible.test(node)) {
                continue;
            }
            double extra = Math.max(0, adjacency.distanceKm(node, buyer) - base);
            scored.add(BackupScore.score(node, BackupScore.similarity(original, capability(node, material)), BackupScore.proximity(extra, reference),
                    weights));
        }
        List<Candidate> ranked = new ArrayList<>();
        for (boolean pinnedPass : new boolean[] {true, false}) {
            for (BackupScore.Candidate c : BackupScore.rank(scored)) {
                if (pinned.contains(c.node()) == pinnedPass) {
                    ranked.add(new Candidate(c.node(), c.similarity(), c.proximity(), c.score(), pinnedPass,
                            policy.declaresCapacity(c.node(), material)));
                }
            }
        }
        return ranked;
    }

    private void preferences(String buyer, String supplier, String material, Set<String> excluded, Set<String> pinned) {
        jdbc.sql("SELECT candidate_id, preference FROM backup_preference WHERE buyer_id = ? AND supplier_id = ? AND material = ?")
                .params(buyer, supplier, material)
                .query(rs -> {
                    ("EXCLUDE".equals(rs.getString(2)) ? excluded : pinned).add(rs.getString(1));
                });
    }

    private Set<String> gone() {
        return new HashSet<>(jdbc.sql("SELECT node_id FROM node_exit WHERE status IN ('DETECTED', 'EXITED')").query(String.class).list());
    }

    /** With no direct substitute, the nodes complementing the supplier's resources (not excluded, not gone). */
    private List<ComplementBackups.Complement> complements(String buyer, String supplier, String material) {
        Set<String> excluded = new HashSet<>();
        preferences(buyer, supplier, material, excluded, new HashSet<>());
        Set<String> gone = gone();
        return complements.rank(buyer, supplier, material, n -> !excluded.contains(n) && !gone.contains(n));
    }

    /** Equipment and parameter ranges of the resources the node makes the material on (empty when it declares none). */
    private BackupScore.Capability capability(String node, String material) {
        Set<String> equipment = new HashSet<>();
        Map<String, BackupScore.Range> parameters = new HashMap<>();
        orders.capacityOf(node).ifPresent((CapacityProfile p) -> p.capability(material).flatMap(c -> p.resource(c.resource()))
                .ifPresent((ProductionResource r) -> {
                    equipment.addAll(r.equipment());
                    parameters.putAll(r.parameters());
                }));
        return new BackupScore.Capability(equipment, parameters);
    }

    /** Ranks again, stores the list and warns the buyer when it has become short. */
    @Transactional
    Map<String, Object> refresh(String buyer, String supplier, String material) {
        List<Candidate> ranked = rank(buyer, supplier, material);
        Instant now = clock.instant();
        Integer before = jdbc.sql("SELECT viable FROM backup_list WHERE buyer_id = ? AND supplier_id = ? AND material = ?")
                .params(buyer, supplier, material).query(Integer.class).optional().orElse(null);
        List<ComplementBackups.Complement> complementing = ranked.isEmpty() ? complements(buyer, supplier, material) : List.of();
        List<Map<String, Object>> listed = new ArrayList<>(ranked.stream().map(Candidate::json).toList());
        complementing.forEach(c -> listed.add(c.json()));
        String list = json.writeValueAsString(listed);
        if (before != null || jdbc.sql("""
                INSERT INTO backup_list (buyer_id, supplier_id, material, viable, list_json, computed_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(buyer, supplier, material, ranked.size(), list, Timestamp.from(now)).update() == 0) {
            jdbc.sql("UPDATE backup_list SET viable = ?, list_json = ?, computed_at = ? WHERE buyer_id = ? AND supplier_id = ? AND material = ?")
                    .params(ranked.size(), list, Timestamp.from(now), buyer, supplier, material).update();
        }
        boolean isShort = ranked.size() < BackupScore.MIN_VIABLE;
        if (isShort && (before == null || before >= BackupScore.MIN_VIABLE)) {
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.BACKUP_LIST_SHORT, supplier, List.of(buyer), now,
                    Map.of("supplier", supplier, "material", material, "viable", ranked.size(), "candidates", ranked.stream().map(Candidate::node).toList(),
                            "complements", complementing.stream().map(ComplementBackups.Complement::node).toList())));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", buyer);
        m.put("supplier", supplier);
        m.put("material", material);
        m.put("short", isShort);
        m.put("candidates", listed);
        m.put("computedAt", now.toString());
        return m;
    }

    /** Keeps every list of every accepted link current (hourly, and whenever asked). */
    int refreshAll() {
        int n = 0;
        for (Link l : adjacency.acceptedLinks()) {
            for (String material : l.materials()) {
                refresh(l.buyer(), l.supplier(), material);
                n++;
            }
        }
        return n;
    }

    @Transactional
    void prefer(String buyer, String supplier, String material, String candidate, String preference) {
        jdbc.sql("DELETE FROM backup_preference WHERE buyer_id = ? AND supplier_id = ? AND material = ? AND candidate_id = ?")
                .params(buyer, supplier, material, candidate).update();
        if (!"NONE".equals(preference)) {
            jdbc.sql("INSERT INTO backup_preference (buyer_id, supplier_id, material, candidate_id, preference, set_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(buyer, supplier, material, candidate, preference, Timestamp.from(clock.instant())).update();
        }
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
