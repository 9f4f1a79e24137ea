package org.hanse.app.payments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.hanse.app.logistics.ShipmentAccepted;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.ordering.OrderBook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells ordering when an order's accepted goods are fully paid (it closes a delivered order then): every logistics unit
 * of the order accepted, and the matches on each unit at least its accepted value (unit value × accepted / delivered of
 * its shipment). Checked after each match and after each acceptance (payment may come first, e.g. ADVANCE terms).
 */
@Component
class OrderSettlement {

    private final JdbcClient jdbc;
    private final ShipmentBook shipments;
    private final OrderBook orders;

    OrderSettlement(JdbcClient jdbc, ShipmentBook shipments, OrderBook orders) {
        this.jdbc = jdbc;
        this.shipments = shipments;
        this.orders = orders;
    }

    /** Checks each order (in the caller's transaction) and reports the fully paid ones to ordering. */
    void check(Collection<String> orderIds) {
        new LinkedHashSet<>(orderIds).stream().filter(this::settled).forEach(orders::fullyPaid);
    }

    /** An acceptance after the money arrived can settle the order too (after commit, retried after a crash). */
    @ApplicationModuleListener
    void on(ShipmentAccepted accepted) {
        check(List.of(accepted.order()));
    }

    boolean settled(String order) {
        List<ShipmentBook.Unit> units = shipments.unitsOfOrder(order);
        if (units.isEmpty()) {
            return false;
        }
        for (ShipmentBook.Unit u : units) {
            Optional<ShipmentBook.Inspection> inspected = shipments.inspection(u.shipment());
            if (inspected.isEmpty()) {
                return false;
            }
            BigDecimal share = inspected.get().delivered().signum() == 0 ? BigDecimal.ZERO
                    : inspected.get().accepted().divide(inspected.get().delivered(), MathContext.DECIMAL64);
            BigDecimal owed = u.value().times(share).amount();
            BigDecimal paid = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment_match WHERE shipment_id = ? AND line_no = ?")
                    .params(u.shipment(), u.line()).query(BigDecimal.class).single();
            if (paid.compareTo(owed) < 0) {
                return false;
            }
        }
        return true;
    }
}
