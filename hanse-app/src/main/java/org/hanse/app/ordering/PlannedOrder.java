package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hanse.core.order.Batch;
import org.hanse.core.order.DeliveryWindow;
import org.hanse.core.order.OrderDecision;
import org.hanse.core.order.Priority;

/**
 * One order of a chain as planned before anything is stored: the supplier's decision, its reservation and the
 * component orders it explodes into. {@code failure} is set (and {@code decision} null) when the order could not
 * even be asked, e.g. no accepted link to the BOM's supplier. {@code fromStock} is what an accepted order promises from the
 * supplier's stock and receipts, per material in the supplier's unit.
 */
record PlannedOrder(String id, String buyer, String supplier, String parentId, List<Line> lines, DeliveryWindow window,
                    Batch batch, Priority priority, Duration transit, OrderDecision decision, Duration processing,
                    Map<String, Map<LocalDate, Double>> reservation, List<PlannedOrder> children, String failure,
                    Map<String, Double> fromStock) {

    /**
     * A line in the buyer's unit and, converted through the supplier's BOM mapping, in the supplier's; its unit price
     * (per the supplier's unit, a string at the currency's minor unit), currency and price status once priced
     * ({@code LinePrices}), all null before or without a price.
     */
    record Line(String material, BigDecimal quantity, String unit, BigDecimal supplierQuantity, String supplierUnit,
                String supplierLocal, String unitPrice, String currency, String priceStatus) {

        Line(String material, BigDecimal quantity, String unit, BigDecimal supplierQuantity, String supplierUnit, String supplierLocal) {
            this(material, quantity, unit, supplierQuantity, supplierUnit, supplierLocal, null, null, null);
        }

        Line priced(org.hanse.core.payment.Prices.Resolved r) {
            return r.price() == null ? this : new Line(material, quantity, unit, supplierQuantity, supplierUnit, supplierLocal,
                    new org.hanse.core.payment.Money(r.price().unitPrice(), r.price().currency()).plain(),
                    r.price().currency().getCurrencyCode(), r.status().name());
        }

        /** The part left to make after stock served it (consuming {@code served}); null when stock serves it all. */
        Line leftToMake(Map<String, Double> served) {
            double take = Math.min(served.getOrDefault(material, 0.0), supplierQuantity.doubleValue());
            served.merge(material, -take, Double::sum);
            BigDecimal rest = supplierQuantity.subtract(BigDecimal.valueOf(take));
            return rest.doubleValue() < 1e-9 ? null
                    : new Line(material, quantity, unit, rest, supplierUnit, supplierLocal, unitPrice, currency, priceStatus);
        }
    }

    /** The same order with other lines and component orders (priced by LinePrices). */
    PlannedOrder with(List<Line> newLines, List<PlannedOrder> newChildren) {
        return new PlannedOrder(id, buyer, supplier, parentId, newLines, window, batch, priority, transit, decision, processing,
                reservation, newChildren, failure, fromStock);
    }

    /** The same order as a component of {@code parent} (an approved planned order, planned again on its own). */
    PlannedOrder under(String parent) {
        return new PlannedOrder(id, buyer, supplier, parent, lines, window, batch, priority, transit, decision, processing,
                reservation, children, failure, fromStock);
    }

    boolean accepted() {
        return decision != null && decision.outcome().accepted();
    }

    /** This order and all its component orders, parents first. */
    List<PlannedOrder> flatten() {
        List<PlannedOrder> all = new java.util.ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.flatten()));
        return all;
    }
}
