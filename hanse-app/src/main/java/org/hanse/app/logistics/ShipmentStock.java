package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hanse.app.inventory.HoldBook;
import org.hanse.app.inventory.StockBook;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.web.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shipping moves the supplier's stock: SHIPPED takes each unit out of the supplier's ledger (TRANSFER_OUT referencing the
 * order), refused with 409 beyond its free stock; a drop-shipment leaves from the supplier's own supplier and moves
 * nothing here. A supplier that keeps no ledger of the material (not in its BOM mapping) is not checked.
 */
@Component
class ShipmentStock {

    /** A logistics unit as stored: line number, material, quantity (supplier's unit), whether it is drop-shipped. */
    record Unit(int line, String material, BigDecimal quantity, boolean dropShip) {
    }

    private final JdbcClient jdbc;
    private final StockBook stock;
    private final HoldBook holds;
    private final OrderBook orders;

    ShipmentStock(JdbcClient jdbc, StockBook stock, HoldBook holds, OrderBook orders) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.holds = holds;
        this.orders = orders;
    }

    /** Whether the supplier may drop-ship the material: it has an order of it with one of its own suppliers. */
    boolean dropShipAllowed(String supplier, String material) {
        return orders.hasPurchase(supplier, material);
    }

    /** SHIPPED: checks every kept material against free stock first (nothing moves on a refusal), then records the outbound movements. */
    void ship(String supplier, String shipment, String movementRef, String order, List<Unit> units, Instant at) {
        // One supplier's units leave one at a time: two shipments of different orders must not both pass on the same stock.
        jdbc.sql("SELECT id FROM node WHERE id = ? FOR UPDATE").param(supplier).query(String.class).list();
        java.util.Map<String, BigDecimal> leaving = new java.util.LinkedHashMap<>();
        units.stream().filter(u -> !u.dropShip() && stock.keeps(supplier, u.material()))
                .forEach(u -> leaving.merge(u.material(), u.quantity(), BigDecimal::add));
        for (var e : leaving.entrySet()) {
            double free = freeStock(supplier, e.getKey(), order);
            if (e.getValue().doubleValue() > free + 1e-9) {
                throw new ConflictException("shipping " + e.getValue().stripTrailingZeros().toPlainString() + " of " + e.getKey()
                        + " exceeds " + supplier + "'s free stock of " + round(Math.max(0, free)) + " (on hand minus open holds and stock promised to other orders); "
                        + "mark the unit dropShip if it leaves from your own supplier");
            }
        }
        for (Unit u : units) {
            if (!u.dropShip() && stock.keeps(supplier, u.material())) {
                stock.record(supplier, "ship-out:" + movementRef + ":" + u.line(), u.material(), "TRANSFER_OUT", u.quantity().toPlainString(), at,
                        order, "shipped in shipment " + shipment);
            }
        }
    }

    /**
     * Stock the supplier may still ship on {@code order}: on hand minus the unshipped quantity of other orders it holds
     * back (open holds) and minus what it promised from stock to its other orders (allocations at decision, ATP).
     */
    double freeStock(String supplier, String material, String order) {
        double held = 0;
        for (HoldBook.ActiveHold h : holds.heldBy(supplier, material)) {
            if (h.direction().equals("OUTBOUND") && !h.order().equals(order)) {
                double ordered = orders.facts(h.order()).map(f -> f.quantities().getOrDefault(material, 0.0)).orElse(0.0);
                held += Math.max(0, ordered - shipped(h.order(), material));
            }
        }
        return stock.onHand(supplier, material) - held - orders.allocatedToOthers(supplier, material, order);
    }

    private double shipped(String order, String material) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id
                JOIN shipment_milestone m ON m.shipment_id = s.id AND m.milestone = 'SHIPPED'
                WHERE s.order_id = ? AND l.material = ?""").params(order, material).query(BigDecimal.class).single().doubleValue();
    }

    private static String round(double v) {
        return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
