package org.hanse.app.ordering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.CapacityProfileReader;
import org.hanse.core.order.ResourceLoad;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Capacity declarations (versioned), reservations per resource and date, and WIP counts. */
@Repository
class CapacityStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StockAllocations allocations;
    private final java.time.Clock clock;
    /** Parsed profiles by node and version: a declaration changes rarely, orders read it constantly. */
    private final Map<String, Map.Entry<Long, CapacityProfile>> parsed = new ConcurrentHashMap<>();

    CapacityStore(JdbcClient jdbc, JsonMapper json, StockAllocations allocations, java.time.Clock clock) {
        this.allocations = allocations;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a validated declaration as the node's next version. */
    long declare(String nodeId, Map<String, Object> tree, Instant now) {
        String text = json.writeValueAsString(tree);
        Optional<Long> current = jdbc.sql("SELECT version FROM node_capacity WHERE node_id = ? FOR UPDATE").param(nodeId)
                .query(Long.class).optional();
        if (current.isEmpty()) {
            jdbc.sql("INSERT INTO node_capacity (node_id, version, profile_json, updated_at) VALUES (?, 1, ?, ?)")
                    .params(nodeId, text, Timestamp.from(now)).update();
            return 1;
        }
        jdbc.sql("UPDATE node_capacity SET version = ?, profile_json = ?, updated_at = ? WHERE node_id = ?")
                .params(current.get() + 1, text, Timestamp.from(now), nodeId).update();
        return current.get() + 1;
    }

    List<String> declaredNodes() {
        return jdbc.sql("SELECT node_id FROM node_capacity ORDER BY node_id").query(String.class).list();
    }

    Optional<Map<String, Object>> tree(String nodeId) {
        return jdbc.sql("SELECT profile_json FROM node_capacity WHERE node_id = ?").param(nodeId).query(String.class).optional()
                .map(t -> json.readValue(t, new TypeReference<Map<String, Object>>() { }));
    }

    /** The node's profile, locking its declaration row so decisions for one supplier are made one at a time. */
    Optional<CapacityProfile> lockProfile(String nodeId) {
        return jdbc.sql("SELECT version, profile_json FROM node_capacity WHERE node_id = ? FOR UPDATE").param(nodeId)
                .query((rs, n) -> profile(nodeId, rs.getLong(1), rs.getString(2))).optional();
    }

    Optional<CapacityProfile> profile(String nodeId) {
        return jdbc.sql("SELECT version, profile_json FROM node_capacity WHERE node_id = ?").param(nodeId)
                .query((rs, n) -> profile(nodeId, rs.getLong(1), rs.getString(2))).optional();
    }

    private CapacityProfile profile(String nodeId, long version, String text) {
        Map.Entry<Long, CapacityProfile> cached = parsed.get(nodeId);
        if (cached != null && cached.getKey() == version) {
            return cached.getValue();
        }
        CapacityProfile profile = CapacityProfileReader.read(json.readValue(text, Object.class), "capacity", null).orElseThrow();
        parsed.put(nodeId, Map.entry(version, profile));
        return profile;
    }

    /** Committed hours per resource from {@code from} on (the running totals, not the single reservations). */
    Map<String, ResourceLoad> loads(String nodeId, LocalDate from) {
        Map<String, Map<LocalDate, Double>> byResource = new HashMap<>();
        jdbc.sql("SELECT resource_id, work_date, hours FROM capacity_load WHERE node_id = ? AND work_date >= ?")
                .params(nodeId, Date.valueOf(from))
                .query(rs -> {
                    byResource.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getDate(2).toLocalDate(), rs.getDouble(3));
                });
        Map<String, ResourceLoad> loads = new HashMap<>();
        byResource.forEach((r, m) -> loads.put(r, new ResourceLoad(m)));
        return loads;
    }

    /**
     * What the nodes' capacity looked like from {@code from} on: per node its declaration version, open orders and committed
     * hours. Equal basis, equal decisions — a proposal is kept as long as this does not change.
     */
    String basis(java.util.Collection<String> nodes, LocalDate from) {
        StringBuilder basis = new StringBuilder();
        for (String node : new java.util.TreeSet<>(nodes)) {
            long version = jdbc.sql("SELECT version FROM node_capacity WHERE node_id = ?").param(node).query(Long.class).optional().orElse(0L);
            double hours = jdbc.sql("SELECT COALESCE(SUM(hours), 0) FROM capacity_load WHERE node_id = ? AND work_date >= ?")
                    .params(node, Date.valueOf(from)).query(Double.class).single();
            basis.append(node).append('|').append(version).append('|').append(wip(node)).append('|')
                    .append(Math.round(hours * 1e6)).append(';');
        }
        return org.hanse.core.digest.Sha256.hex(basis.toString());
    }

    int wip(String nodeId) {
        return jdbc.sql("SELECT COUNT(*) FROM purchase_order WHERE supplier_id = ? AND " + OrderRepository.OPEN).param(nodeId)
                .query(Integer.class).single();
    }

    /** Records an accepted order's hours; the caller holds the node's capacity lock. */
    void reserve(String orderId, String nodeId, Map<String, Map<LocalDate, Double>> reservation) {
        reservation.forEach((resource, days) -> days.forEach((day, hours) -> {
            jdbc.sql("INSERT INTO capacity_reservation (order_id, node_id, resource_id, work_date, hours) VALUES (?, ?, ?, ?, ?)")
                    .params(orderId, nodeId, resource, Date.valueOf(day), hours).update();
            addLoad(nodeId, resource, day, hours);
        }));
    }

    /** Gives an order's hours back (completion, withdrawal, override), under the node's capacity lock. */
    void release(String orderId) {
        // Every path that gives an order's hours back (reject, withdraw, cancel, completion) gives its stock promise back too.
        allocations.release(orderId, clock.instant());
        releaseHours(orderId);
    }

    /** Gives only an order's hours back, its stock promise kept (a displaced order keeps its acceptance, RULES 3.5). */
    void releaseHours(String orderId) {
        List<Object[]> rows = jdbc.sql("SELECT node_id, resource_id, work_date, hours FROM capacity_reservation WHERE order_id = ?")
                .param(orderId).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDouble(4)})
                .list();
        if (rows.isEmpty()) {
            return;
        }
        lockProfile((String) rows.get(0)[0]);
        for (Object[] row : rows) {
            addLoad((String) row[0], (String) row[1], (LocalDate) row[2], -(Double) row[3]);
        }
        jdbc.sql("DELETE FROM capacity_reservation WHERE order_id = ?").param(orderId).update();
    }

    private void addLoad(String nodeId, String resource, LocalDate day, double hours) {
        int updated = jdbc.sql("UPDATE capacity_load SET hours = hours + ? WHERE node_id = ? AND resource_id = ? AND work_date = ?")
                .params(hours, nodeId, resource, Date.valueOf(day)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO capacity_load (node_id, resource_id, work_date, hours) VALUES (?, ?, ?, ?)")
                    .params(nodeId, resource, Date.valueOf(day), hours).update();
        }
    }

    /** One day's reserved hours of an order on a resource. */
    record Booked(String orderId, String resource, LocalDate date, double hours) {
    }

    /** The reservations of the supplier's open orders, by order and date. */
    List<Booked> booked(String nodeId) {
        return jdbc.sql("SELECT r.order_id, r.resource_id, r.work_date, r.hours FROM capacity_reservation r JOIN purchase_order o"
                        + " ON o.id = r.order_id WHERE r.node_id = ? AND o." + OrderRepository.OPEN
                        + " ORDER BY r.order_id, r.work_date").param(nodeId)
                .query((rs, n) -> new Booked(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDouble(4))).list();
    }

    List<Map<String, Object>> reservations(String orderId) {
        return jdbc.sql("SELECT resource_id, work_date, hours FROM capacity_reservation WHERE order_id = ? ORDER BY resource_id, work_date")
                .param(orderId)
                .query((rs, n) -> Map.<String, Object>of("resource", rs.getString(1), "date", rs.getDate(2).toLocalDate().toString(),
                        "hours", rs.getDouble(3)))
                .list();
    }
}
