package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.core.order.ChainSchedule;
import org.hanse.core.order.OrderState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Orders, their chain schedules and receipts. */
@Repository
class OrderRepository {

    /** SQL for an order accepted and not yet delivered (OrderState.open): pipeline, overdue checks, work in progress. */
    static final String OPEN = "status IN ('PLACED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED')";
    /** SQL for an order that was sent, accepted and went no dead end (what was traded); a planned order was not sent. */
    static final String TRADED = "status NOT IN ('PLANNED', 'REJECTED', 'WITHDRAWN', 'CANCELLED')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredOrder> find(String id) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE id = ?").param(id).query(this::toOrder).optional();
    }

    /** Orders stored under any of {@code keys} (the candidates of an id a caller names), locked when asked. */
    List<StoredOrder> byKeys(List<String> keys, boolean lock) {
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        return jdbc.sql("SELECT * FROM purchase_order WHERE id IN (" + marks + ")" + (lock ? " ORDER BY id FOR UPDATE" : ""))
                .params(List.copyOf(keys)).query(this::toOrder).list();
    }

    Optional<StoredOrder> lock(String id) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE id = ? FOR UPDATE").param(id).query(this::toOrder).optional();
    }

    /** Open orders of a node in a role; {@code column} is buyer_id or supplier_id. */
    List<StoredOrder> openDueBefore(Instant now) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE " + OPEN + " AND due < ? ORDER BY due").param(java.sql.Timestamp.from(now))
                .query(this::toOrder).list();
    }

    List<StoredOrder> openWhere(String column, String node) {
        if (!column.equals("buyer_id") && !column.equals("supplier_id")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("SELECT * FROM purchase_order WHERE " + column + " = ? AND " + OPEN + " ORDER BY due").param(node)
                .query(this::toOrder).list();
    }

    /** An order with the actual finish of its receipt, if any. */
    record WithFinish(StoredOrder order, Instant finishedAt) {
    }

    List<WithFinish> placedBy(String buyer, Instant since) {
        return jdbc.sql("""
                SELECT o.*, r.actual_finish AS receipt_finish FROM purchase_order o LEFT JOIN order_receipt r ON r.order_id = o.id
                WHERE o.buyer_id = ? AND o.placed_at >= ? AND o.""" + TRADED)
                .params(buyer, Timestamp.from(since))
                .query((rs, n) -> new WithFinish(toOrder(rs, n), rs.getTimestamp("receipt_finish") == null ? null : rs.getTimestamp("receipt_finish").toInstant()))
                .list();
    }

    /** Per pair "buyer>supplier": mean slack of the supplier's chain step and mean lead time of its orders, in days (one query). */
    Map<String, double[]> slackAndLeadAll(Instant since) {
        Map<String, double[]> sums = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT o.buyer_id, o.supplier_id, c.slack_seconds, o.placed_at, o.due FROM purchase_order o
                JOIN chain_step c ON c.step_key = o.id AND c.node_id = o.supplier_id
                WHERE o.placed_at >= ? AND o.""" + TRADED)
                .param(Timestamp.from(since))
                .query(rs -> {
                    double[] acc = sums.computeIfAbsent(rs.getString(1) + ">" + rs.getString(2), k -> new double[3]);
                    acc[0] += rs.getLong(3) / 86_400.0;
                    acc[1] += Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()).toSeconds() / 86_400.0;
                    acc[2]++;
                });
        Map<String, double[]> out = new java.util.HashMap<>();
        sums.forEach((k, v) -> out.put(k, new double[] {v[0] / v[2], v[1] / v[2]}));
        return out;
    }

    /** {buyer, placed at, total supplier quantity} of every order placed since (one query). */
    void placedSince(Instant since, java.util.function.Consumer<Object[]> row) {
        jdbc.sql("SELECT buyer_id, placed_at, lines_json FROM purchase_order WHERE placed_at >= ? AND " + TRADED)
                .param(Timestamp.from(since))
                .query(rs -> {
                    List<Map<String, Object>> lines = json.readValue(rs.getString(3), new TypeReference<List<Map<String, Object>>>() { });
                    double q = lines.stream().mapToDouble(l -> Double.parseDouble(String.valueOf(l.get("supplierQuantity")))).sum();
                    row.accept(new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), q});
                });
    }

    List<WithFinish> placedBetween(String buyer, String supplier, Instant since) {
        return jdbc.sql("""
                SELECT o.*, r.actual_finish AS receipt_finish FROM purchase_order o LEFT JOIN order_receipt r ON r.order_id = o.id
                WHERE o.buyer_id = ? AND o.supplier_id = ? AND o.placed_at >= ? AND o.""" + TRADED)
                .params(buyer, supplier, Timestamp.from(since))
                .query((rs, n) -> new WithFinish(toOrder(rs, n), instant(rs, "receipt_finish"))).list();
    }

    List<StoredOrder> inChain(String rootId) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE root_id = ? ORDER BY placed_at, id").param(rootId).query(this::toOrder).list();
    }

    List<StoredOrder> of(String node, String role, int limit) {
        String where = switch (role) {
            case "buyer" -> "buyer_id = ?";
            case "supplier" -> "supplier_id = ?";
            default -> "(buyer_id = ? OR supplier_id = ?)";
        };
        // A component order never sent (planned, or discarded while planned): only its buyer (the maker) sees it.
        var spec = jdbc.sql("SELECT * FROM purchase_order WHERE " + where + " AND (outcome <> 'PLANNED' OR buyer_id = ?)"
                + " ORDER BY placed_at DESC, id LIMIT " + limit);
        spec = "buyer".equals(role) || "supplier".equals(role) ? spec.params(node, node) : spec.params(node, node, node);
        return spec.query(this::toOrder).list();
    }

    void insert(PlannedOrder p, String rootId, OrderState status, Map<String, Object> decision, String contentHash,
                int revision, Instant now) {
        jdbc.sql("""
                INSERT INTO purchase_order (id, buyer_id, supplier_id, root_id, parent_id, status, outcome, priority, earliest, due,
                    lines_json, batch_minimum, batch_multiple, transit_seconds, urgency, decision_json, content_hash, revision,
                    placed_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.buyer(), p.supplier(), rootId, p.parentId(), status.name(), String.valueOf(decision.get("outcome")),
                        p.priority().name(), Timestamp.from(p.window().earliest()), Timestamp.from(p.window().due()),
                        json.writeValueAsString(p.lines()), BigDecimal.valueOf(p.batch().minimum()),
                        BigDecimal.valueOf(p.batch().multiple()), p.transit().toSeconds(),
                        p.decision() == null ? 0.0 : p.decision().urgency(), json.writeValueAsString(decision), contentHash, revision,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** The node's component orders waiting for its approval, earliest due first. */
    List<StoredOrder> planned(String buyer, int limit) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE buyer_id = ? AND status = 'PLANNED' ORDER BY due, id LIMIT " + limit)
                .param(buyer).query(this::toOrder).list();
    }

    /** Records the supplier's decision on an approved planned order, sent now. */
    void decide(String id, OrderState status, Map<String, Object> decision, double urgency, Instant at) {
        jdbc.sql("UPDATE purchase_order SET status = ?, outcome = ?, decision_json = ?, urgency = ?, placed_at = ?, decided_at = ? WHERE id = ?")
                .params(status.name(), String.valueOf(decision.get("outcome")), json.writeValueAsString(decision), urgency,
                        Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM purchase_order WHERE id = ?").param(id).update();
    }

    void setStatus(String id, OrderState status) {
        jdbc.sql("UPDATE purchase_order SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    void override(String id, OrderState status, String outcome, Map<String, Object> decision, String by, String reason, Instant at) {
        jdbc.sql("""
                UPDATE purchase_order SET status = ?, outcome = ?, decision_json = ?, override_by = ?, override_reason = ?, overridden_at = ?
                WHERE id = ?""")
                .params(status.name(), outcome, json.writeValueAsString(decision), by, reason, Timestamp.from(at), id).update();
    }

    // --- chain schedule ---

    /** A stored step: the core step plus its computed timing and whether the order was placed. */
    record StoredStep(ChainSchedule.Step step, ChainSchedule.Timing timing, boolean placed) {
    }

    void replaceChain(String rootId, List<ChainSchedule.Step> steps, ChainSchedule.Result result, java.util.Set<String> placed) {
        deleteChain(rootId);
        insertChain(rootId, steps, result, placed);
    }

    void deleteChain(String rootId) {
        jdbc.sql("DELETE FROM chain_step WHERE root_id = ?").param(rootId).update();
    }

    void insertChain(String rootId, List<ChainSchedule.Step> steps, ChainSchedule.Result result, java.util.Set<String> placed) {
        for (ChainSchedule.Step s : steps) {
            ChainSchedule.Timing t = result.timing(s.key());
            jdbc.sql("""
                    INSERT INTO chain_step (root_id, step_key, node_id, parent_key, depth, processing_seconds, transit_seconds,
                        capacity_finish, actual_finish, es, ef, ls, lf, slack_seconds, placed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(rootId, s.key(), s.node(), s.parentKey(), t.depth(), s.processing().toSeconds(), s.transitToParent().toSeconds(),
                            ts(s.capacityEarliestFinish()), ts(s.actualFinish()), ts(t.es()), ts(t.ef()), ts(t.ls()), ts(t.lf()),
                            t.slack().toSeconds(), placed.contains(s.key()))
                    .update();
        }
    }

    List<StoredStep> chain(String rootId) {
        return jdbc.sql("SELECT * FROM chain_step WHERE root_id = ? ORDER BY depth, step_key").param(rootId)
                .query((rs, n) -> new StoredStep(
                        new ChainSchedule.Step(rs.getString("step_key"), rs.getString("node_id"), rs.getString("parent_key"),
                                Duration.ofSeconds(rs.getLong("processing_seconds")), Duration.ofSeconds(rs.getLong("transit_seconds")),
                                instant(rs, "capacity_finish"), instant(rs, "actual_finish")),
                        new ChainSchedule.Timing(rs.getString("step_key"), rs.getString("node_id"), rs.getInt("depth"),
                                instant(rs, "es"), instant(rs, "ef"), instant(rs, "ls"), instant(rs, "lf"),
                                Duration.ofSeconds(rs.getLong("slack_seconds"))),
                        rs.getBoolean("placed")))
                .list();
    }

    // --- receipts ---

    Optional<Map<String, Object>> receipt(String orderId) {
        return jdbc.sql("SELECT * FROM order_receipt WHERE order_id = ?").param(orderId)
                .query((rs, n) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("order", rs.getString("order_id"));
                    m.put("actualFinish", instant(rs, "actual_finish").toString());
                    m.put("quantity", json.readValue(rs.getString("quantity_json"), Object.class));
                    m.put("deviation", Duration.ofSeconds(rs.getLong("deviation_seconds")).toString());
                    m.put("tolerance", Duration.ofSeconds(rs.getLong("tolerance_seconds")).toString());
                    m.put("reconstructed", rs.getBoolean("reconstructed"));
                    m.put("recordedBy", rs.getString("recorded_by"));
                    return m;
                }).optional();
    }

    void insertReceipt(String orderId, Instant actualFinish, Object quantity, Duration deviation, Duration tolerance,
                       boolean reconstructed, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO order_receipt (order_id, actual_finish, quantity_json, deviation_seconds, tolerance_seconds, reconstructed,
                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, Timestamp.from(actualFinish), json.writeValueAsString(quantity), deviation.toSeconds(),
                        tolerance.toSeconds(), reconstructed, by, Timestamp.from(at))
                .update();
    }

    private StoredOrder toOrder(ResultSet rs, int rowNum) throws SQLException {
        return new StoredOrder(rs.getString("id"), rs.getString("buyer_id"), rs.getString("supplier_id"), rs.getString("root_id"),
                rs.getString("parent_id"), OrderState.valueOf(rs.getString("status")), rs.getString("outcome"),
                rs.getString("priority"), instant(rs, "earliest"), instant(rs, "due"),
                json.readValue(rs.getString("lines_json"), new TypeReference<List<Map<String, Object>>>() { }),
                rs.getBigDecimal("batch_minimum").stripTrailingZeros().toPlainString(),
                rs.getBigDecimal("batch_multiple").stripTrailingZeros().toPlainString(),
                Duration.ofSeconds(rs.getLong("transit_seconds")), rs.getDouble("urgency"),
                json.readValue(rs.getString("decision_json"), new TypeReference<Map<String, Object>>() { }),
                rs.getString("content_hash"), rs.getInt("revision"), instant(rs, "placed_at"), instant(rs, "decided_at"),
                rs.getString("override_by"), rs.getString("override_reason"), instant(rs, "overridden_at"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
