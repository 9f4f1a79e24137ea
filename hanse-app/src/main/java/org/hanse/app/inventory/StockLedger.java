package org.hanse.app.inventory;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.web.OwnedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only stock history: levels are sums over it, never stored or overwritten. */
@Repository
class StockLedger {

    private final JdbcClient jdbc;

    StockLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded movement; {@code quantity} carries its sign. */
    record Movement(String id, String node, String material, MovementKind kind, BigDecimal quantity, Instant occurredAt,
                    String orderId, String counterparty, String note) {
    }

    /** Movements: ids chosen by the node whose stock moves. */
    static final OwnedKeys.Table MOVEMENTS = new OwnedKeys.Table("stock_movement", "node_id");

    /** The key under which {@code node} stored its movement {@code id}, if it did. */
    Optional<String> ownKey(String node, String id) {
        return OwnedKeys.own(jdbc, MOVEMENTS, node, id);
    }

    /** The key for the node's new movement id: bare unless another node uses it (OwnedId). */
    String newKey(String node, String id) {
        return OwnedKeys.newKey(jdbc, MOVEMENTS, node, id);
    }

    Optional<String> hashOf(String id) {
        return jdbc.sql("SELECT content_hash FROM stock_movement WHERE id = ?").param(id).query(String.class).optional();
    }

    void append(Movement m, String hash, Instant now) {
        jdbc.sql("""
                INSERT INTO stock_movement (id, node_id, material, kind, quantity, occurred_at, order_id, counterparty, note, content_hash, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.node(), m.material(), m.kind().name(), m.quantity(), Timestamp.from(m.occurredAt()), m.orderId(),
                        m.counterparty(), m.note(), hash, Timestamp.from(now))
                .update();
    }

    double onHand(String node, String material) {
        BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM stock_movement WHERE node_id = ? AND material = ?")
                .params(node, material).query(BigDecimal.class).single();
        return sum.doubleValue();
    }

    /** Per order: the quantity of the material that left the node's stock referencing it (negative movements, as a positive sum). */
    java.util.Map<String, Double> outboundByOrder(String node, String material, java.util.Collection<String> orders) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        if (orders.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(orders.size(), "?"));
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of(node, material));
        args.addAll(orders);
        jdbc.sql("SELECT order_id, -SUM(quantity) AS shipped FROM stock_movement WHERE node_id = ? AND material = ? AND quantity < 0"
                        + " AND order_id IN (" + marks + ") GROUP BY order_id")
                .params(args)
                .query(rs -> {
                    out.put(rs.getString("order_id"), rs.getBigDecimal("shipped").doubleValue());
                });
        return out;
    }

    Optional<Instant> lastMovementAt(String node, String material) {
        return jdbc.sql("SELECT MAX(occurred_at) FROM stock_movement WHERE node_id = ? AND material = ?").params(node, material)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
    }

    /** Consumption per day over all materials for the given nodes, the {@code days} days ending today (one query). */
    Map<String, double[]> dailyConsumptionAll(java.util.Set<String> nodes, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        Map<String, double[]> out = new java.util.HashMap<>();
        jdbc.sql("SELECT node_id, occurred_at, quantity FROM stock_movement WHERE kind = 'CONSUMPTION' AND occurred_at >= ?")
                .param(Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(rs -> {
                    String node = rs.getString(1);
                    if (!nodes.contains(node)) {
                        return;
                    }
                    int i = (int) (LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), ZoneOffset.UTC).toEpochDay() - first.toEpochDay());
                    if (i >= 0 && i < days) {
                        out.computeIfAbsent(node, k -> new double[days])[i] += -rs.getBigDecimal(3).doubleValue();
                    }
                });
        return out;
    }

    /** Consumption per day for the {@code days} days ending today (days without consumption count as 0). */
    List<Double> dailyConsumption(String node, String material, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        double[] perDay = new double[days];
        jdbc.sql("""
                SELECT occurred_at, quantity FROM stock_movement
                WHERE node_id = ? AND material = ? AND kind = 'CONSUMPTION' AND occurred_at >= ?""")
                .params(node, material, Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(rs -> {
                    LocalDate d = LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), ZoneOffset.UTC);
                    int i = (int) (d.toEpochDay() - first.toEpochDay());
                    if (i >= 0 && i < days) {
                        perDay[i] += -rs.getBigDecimal(2).doubleValue();
                    }
                });
        List<Double> list = new ArrayList<>();
        for (double v : perDay) {
            list.add(v);
        }
        return list;
    }

    /** Deliveries of orders: (order id, receipt time) — several lines received together count once — newest first, at most {@code limit}. */
    List<Map.Entry<String, Instant>> receiptsOfOrders(String node, String material, int limit) {
        return jdbc.sql("""
                SELECT DISTINCT order_id, occurred_at FROM stock_movement
                WHERE node_id = ? AND material = ? AND kind = 'RECEIPT' AND order_id IS NOT NULL
                ORDER BY occurred_at DESC LIMIT ?""")
                .params(node, material, limit)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** The movements that occurred at or after {@code from}, newest first. */
    List<Movement> since(String node, String material, java.time.Instant from) {
        return jdbc.sql("SELECT * FROM stock_movement WHERE node_id = ? AND material = ? AND occurred_at >= ? ORDER BY occurred_at DESC, recorded_at DESC")
                .params(node, material, java.sql.Timestamp.from(from))
                .query(this::toMovement)
                .list();
    }

    private Movement toMovement(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Movement(rs.getString("id"), rs.getString("node_id"), rs.getString("material"),
                MovementKind.valueOf(rs.getString("kind")), rs.getBigDecimal("quantity"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("order_id"), rs.getString("counterparty"), rs.getString("note"));
    }

    List<Movement> history(String node, String material, int limit) {
        return jdbc.sql("SELECT * FROM stock_movement WHERE node_id = ? AND material = ? ORDER BY occurred_at DESC, recorded_at DESC LIMIT " + limit)
                .params(node, material)
                .query(this::toMovement)
                .list();
    }
}
