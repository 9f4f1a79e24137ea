package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.core.payment.Milestone;
import org.hanse.core.payment.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules may ask about logistics units: parties, value and the milestones reached, with their times. */
@Service
public class ShipmentBook {

    private final JdbcClient jdbc;

    ShipmentBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A logistics unit (shipment line) with its value (its invoice once accepted) and milestones. */
    public record Unit(String shipment, int line, String order, String buyer, String supplier, Money value, Map<Milestone, Instant> reached) {
    }

    /** A milestone the supplier recorded: a status message the buyer's records later confirm or contradict. */
    public record Claim(String milestone, String checkpoint, Instant at) {
    }

    /**
     * A delivered and inspected shipment: when it arrived and was accepted, how much was delivered and accepted,
     * its logistics units and what the supplier claimed about it on the way.
     */
    public record Inspection(String shipment, String order, String buyer, String supplier, Instant deliveredAt, Instant acceptedAt,
                             BigDecimal delivered, BigDecimal accepted, List<Integer> lines, List<Claim> supplierClaims) {
    }

    /** The shipment's inspection, once it has been ACCEPTED. */
    public Optional<Inspection> inspection(String shipment) {
        Map<String, Object> head = jdbc.sql("SELECT order_id, buyer_id, supplier_id FROM shipment WHERE id = ?").param(shipment)
                .query((rs, n) -> Map.<String, Object>of("order", rs.getString(1), "buyer", rs.getString(2), "supplier", rs.getString(3)))
                .optional().orElse(null);
        if (head == null) {
            return Optional.empty();
        }
        List<Object[]> milestones = jdbc.sql("""
                SELECT milestone, checkpoint, occurred_at, accepted_qty, recorded_by FROM shipment_milestone WHERE shipment_id = ? ORDER BY occurred_at""")
                .param(shipment)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4), rs.getString(5)})
                .list();
        Object[] delivered = milestones.stream().filter(m -> m[0].equals(Milestone.DELIVERED.name())).findFirst().orElse(null);
        Object[] accepted = milestones.stream().filter(m -> m[0].equals(Milestone.ACCEPTED.name())).findFirst().orElse(null);
        if (delivered == null || accepted == null) {
            return Optional.empty();
        }
        List<Integer> lines = jdbc.sql("SELECT line_no FROM shipment_line WHERE shipment_id = ? ORDER BY line_no").param(shipment).query(Integer.class).list();
        BigDecimal quantity = jdbc.sql("SELECT SUM(quantity) FROM shipment_line WHERE shipment_id = ?").param(shipment).query(BigDecimal.class).single();
        List<Claim> claims = milestones.stream().filter(m -> m[4].equals(head.get("supplier")))
                .map(m -> new Claim((String) m[0], (String) m[1], (Instant) m[2])).toList();
        return Optional.of(new Inspection(shipment, (String) head.get("order"), (String) head.get("buyer"), (String) head.get("supplier"),
                (Instant) delivered[2], (Instant) accepted[2], quantity, (BigDecimal) accepted[3], lines, claims));
    }

    /** Whether any shipment against the order has been recorded DELIVERED by its buyer. */
    public boolean delivered(String order) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM shipment s JOIN shipment_milestone m ON m.shipment_id = s.id
                WHERE s.order_id = ? AND m.milestone = 'DELIVERED'""").param(order).query(Long.class).single() > 0;
    }

    /** Quantity per material (supplier's unit) in the order's shipments that its buyer recorded DELIVERED. */
    public Map<String, BigDecimal> deliveredByMaterial(String order) {
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT l.material, SUM(l.quantity) FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id
                WHERE s.order_id = ? AND EXISTS (SELECT 1 FROM shipment_milestone m WHERE m.shipment_id = s.id AND m.milestone = 'DELIVERED')
                GROUP BY l.material""")
                .param(order).query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }

    /** Locks the shipment's row until the caller's transaction ends (serialises payments of its instalments). */
    public void lock(String shipment) {
        jdbc.sql("SELECT id FROM shipment WHERE id = ? FOR UPDATE").param(shipment).query(String.class).list();
    }

    /** The stored key of the shipment {@code given} names for {@code caller}, if the caller is its supplier or buyer (OwnedId). */
    public Optional<String> key(String caller, String given) {
        return org.hanse.app.web.OwnedKeys.find(jdbc, Shipments.SHIPMENTS, caller, given);
    }

    public Optional<Unit> unit(String shipment, int line) {
        return jdbc.sql("""
                SELECT s.order_id, s.buyer_id, s.supplier_id, l.quantity, l.unit_price, l.currency, i.amount
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id
                LEFT JOIN invoice i ON i.shipment_id = l.shipment_id AND i.line_no = l.line_no AND i.kind = 'INVOICE'
                WHERE s.id = ? AND l.line_no = ?""")
                .params(shipment, line)
                .query((rs, n) -> new Unit(shipment, line, rs.getString(1), rs.getString(2), rs.getString(3),
                        value(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7)), reached(shipment)))
                .optional();
    }

    /** The logistics units of every shipment against the order, oldest first. */
    public List<Unit> unitsOfOrder(String order) {
        return jdbc.sql("""
                SELECT s.id, l.line_no, s.order_id, s.buyer_id, s.supplier_id, l.quantity, l.unit_price, l.currency
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id WHERE s.order_id = ? ORDER BY s.created_at, s.id, l.line_no""")
                .param(order)
                .query((rs, n) -> new Unit(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Money.of(rs.getBigDecimal(6).multiply(rs.getBigDecimal(7)).toPlainString(), rs.getString(8)), reached(rs.getString(1))))
                .list();
    }

    /** The node's newest logistics units, as buyer or supplier (for its workspace). */
    public List<Unit> unitsOf(String node, int limit) {
        return jdbc.sql("""
                SELECT s.id, l.line_no, s.order_id, s.buyer_id, s.supplier_id, l.quantity, l.unit_price, l.currency, i.amount
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id
                LEFT JOIN invoice i ON i.shipment_id = l.shipment_id AND i.line_no = l.line_no AND i.kind = 'INVOICE'
                WHERE s.buyer_id = ? OR s.supplier_id = ?
                ORDER BY s.created_at DESC, s.id, l.line_no LIMIT ?""")
                .params(node, node, limit)
                .query((rs, n) -> new Unit(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        value(rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9)), reached(rs.getString(1))))
                .list();
    }

    /** Logistics units of shipments created since {@code since}, oldest first, at most {@code limit} (instalments that may fall due). */
    public List<Unit> unitsSince(Instant since, int limit) {
        return jdbc.sql("""
                SELECT s.id, l.line_no, s.order_id, s.buyer_id, s.supplier_id, l.quantity, l.unit_price, l.currency
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id WHERE s.created_at >= ?
                ORDER BY s.created_at, s.id, l.line_no LIMIT ?""")
                .params(java.sql.Timestamp.from(since), limit)
                .query((rs, n) -> new Unit(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Money.of(rs.getBigDecimal(6).multiply(rs.getBigDecimal(7)).toPlainString(), rs.getString(8)), reached(rs.getString(1))))
                .list();
    }

    /** The pair's logistics units created since {@code since} (for the buyer's credit record toward the supplier). */
    public List<Unit> unitsOfPair(String buyer, String supplier, Instant since) {
        return jdbc.sql("""
                SELECT s.id, l.line_no, s.order_id, s.buyer_id, s.supplier_id, l.quantity, l.unit_price, l.currency, i.amount
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id
                LEFT JOIN invoice i ON i.shipment_id = l.shipment_id AND i.line_no = l.line_no AND i.kind = 'INVOICE'
                WHERE s.buyer_id = ? AND s.supplier_id = ? AND s.created_at >= ? ORDER BY s.created_at, s.id, l.line_no""")
                .params(buyer, supplier, java.sql.Timestamp.from(since))
                .query((rs, n) -> new Unit(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        value(rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9)), reached(rs.getString(1))))
                .list();
    }

    /** Once accepted, the unit is worth its invoice (accepted quantity); before, quantity × unit price. */
    private static Money value(BigDecimal quantity, BigDecimal unitPrice, String currency, BigDecimal invoiced) {
        java.util.Currency c = java.util.Currency.getInstance(currency);
        return invoiced != null ? new Money(invoiced, c) : Money.priceTimes(unitPrice, quantity, c);
    }

    private Map<Milestone, Instant> reached(String shipment) {
        Map<Milestone, Instant> reached = new EnumMap<>(Milestone.class);
        jdbc.sql("SELECT milestone, MIN(occurred_at) FROM shipment_milestone WHERE shipment_id = ? GROUP BY milestone").param(shipment)
                .query(rs -> {
                    reached.put(Milestone.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant());
                });
        return reached;
    }

}
