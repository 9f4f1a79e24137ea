package org.hanse.app.relations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.hanse.core.relation.CriticalPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Critical paths (RULES 3.4) toward every finished-goods node (a buyer that supplies nobody): edge weight
 * c_e = (v_e / v_max) · τ_e with v_e the pair's quantity over the density window W and τ_e = 1 − min(1, slack / lead time) from its
 * orders' chain schedules (0.5 when unknown). Stored; when a path changes its nodes are told (CRITICAL_PATH_CHANGED).
 * Nodes on any critical path are critical: messages to and from them travel on two paths.
 */
@Service
class CriticalPaths {

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final RelationLedger ledger;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;

    CriticalPaths(JdbcClient jdbc, Adjacency adjacency, OrderBook orders, RelationLedger ledger, NodeEvents events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.orders = orders;
        this.ledger = ledger;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The current paths, computed now (not stored). */
    Map<String, CriticalPath.Path> compute() {
        java.time.Duration window = ledger.density().window();
        Instant since = clock.instant().minus(window);
        List<Link> links = adjacency.acceptedLinks();
        Map<String, Double> volumes = new java.util.HashMap<>();
        ledger.pairs().forEach(p -> volumes.put(p.buyer() + ">" + p.supplier(), p.dailyAmount() * window.toDays()));
        Map<String, double[]> slack = orders.slackAndLeadDaysAll(since);
        Set<String> nodes = new HashSet<>();
        Set<String> suppliers = new HashSet<>();
        List<CriticalPath.Edge> edges = new ArrayList<>();
        for (Link l : links) {
            nodes.add(l.buyer());
            nodes.add(l.supplier());
            suppliers.add(l.supplier());
            String key = l.buyer() + ">" + l.supplier();
            double volume = volumes.getOrDefault(key, 0.0);
            double[] sl = slack.get(key);
            double tau = sl == null ? CriticalPath.tau(null, null) : CriticalPath.tau(sl[0], sl[1]);
            edges.add(new CriticalPath.Edge(l.supplier(), l.buyer(), volume, tau));
        }
        List<String> finished = nodes.stream().filter(n -> !suppliers.contains(n)).sorted().toList();
        return edges.isEmpty() ? Map.of() : CriticalPath.towardAll(finished, edges);
    }

    /** The supply cycles among {@code links} (each a sorted list of nodes): reported, and left out of the paths. */
    static List<List<String>> cycles(List<Link> links) {
        return CriticalPath.cycles(links.stream().map(l -> new CriticalPath.Edge(l.supplier(), l.buyer(), 0, 0)).toList());
    }

    /** Computes, stores and announces changed paths; returns the paths. */
    @Transactional
    Map<String, CriticalPath.Path> refresh() {
        Map<String, CriticalPath.Path> paths = compute();
        Instant now = clock.instant();
        for (Map.Entry<String, CriticalPath.Path> e : paths.entrySet()) {
            List<String> before = jdbc.sql("SELECT nodes_json FROM critical_path WHERE target_id = ?").param(e.getKey()).query(String.class).optional()
                    .map(t -> json.readValue(t, new TypeReference<List<String>>() { })).orElse(null);
            jdbc.sql("DELETE FROM critical_path WHERE target_id = ?").param(e.getKey()).update();
            jdbc.sql("INSERT INTO critical_path (target_id, nodes_json, weight, computed_at) VALUES (?, ?, ?, ?)")
                    .params(e.getKey(), json.writeValueAsString(e.getValue().nodes()), e.getValue().weight(), Timestamp.from(now)).update();
            if (!e.getValue().nodes().equals(before) && e.getValue().nodes().size() > 1) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("toward", e.getKey());
                payload.put("nodes", e.getValue().nodes());
                payload.put("weight", RelationLedger.round(e.getValue().weight()));
                payload.put("before", before == null ? List.of() : before);
                List<String> recipients = e.getValue().nodes().stream().filter(n -> !n.equals(e.getKey())).toList();
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.CRITICAL_PATH_CHANGED, e.getKey(), recipients, now, payload));
            }
        }
        return paths;
    }

    /** Whether the node lies on a stored critical path. */
    boolean critical(String node) {
        return jdbc.sql("SELECT nodes_json FROM critical_path").query(String.class).list().stream()
                .anyMatch(t -> json.readValue(t, new TypeReference<List<String>>() { }).contains(node));
    }

    /** The stored critical path toward each finished-goods node (as last refreshed). */
    Map<String, List<String>> stored() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        jdbc.sql("SELECT target_id, nodes_json FROM critical_path").query(rs -> {
            out.put(rs.getString(1), json.readValue(rs.getString(2), new TypeReference<List<String>>() { }));
        });
        return out;
    }
}
