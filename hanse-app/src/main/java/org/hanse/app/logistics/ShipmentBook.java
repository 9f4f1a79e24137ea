package org.hanse.app.logistics;

import java.time.Instant;
import java.util.EnumMap;
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

    /** A logistics unit (shipment line) with its value and milestones. */
    public record Unit(String shipment, int line, String order, String buyer, String supplier, Money value, Map<Milestone, Instant> reached) {
    }

    /** Locks the shipment's row until the caller's transaction ends (serialises payments of its instalments). */
    public void lock(String shipment) {
        jdbc.sql("SELECT id FROM shipment WHERE id = ? FOR UPDATE").param(shipment).query(String.class).list();
    }

    public Optional<Unit> unit(String shipment, int line) {
        return jdbc.sql("""
                SELECT s.order_id, s.buyer_id, s.supplier_id, l.quantity, l.unit_price, l.currency
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id WHERE s.id = ? AND l.line_no = ?""")
                .params(shipment, line)
                .query((rs, n) -> new Unit(shipment, line, rs.getString(1), rs.getString(2), rs.getString(3),
                        Money.of(rs.getBigDecimal(4).multiply(rs.getBigDecimal(5)).toPlainString(), rs.getString(6)), reached(shipment)))
                .optional();
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
