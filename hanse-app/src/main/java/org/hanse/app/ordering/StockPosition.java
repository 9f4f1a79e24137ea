package org.hanse.app.ordering;

import java.util.Collection;
import java.util.Map;

/**
 * A node's stock as the ordering module needs it for available-to-promise. Implemented by the inventory module (which
 * depends on ordering, so ordering declares what it needs here). Quantities are in the node's mapped unit.
 */
public interface StockPosition {

    /** The quantity of {@code material} on hand at {@code node} now. */
    double onHand(String node, String material);

    /** Per order: the quantity of {@code material} that left {@code node}'s stock referencing it (outbound movements). */
    Map<String, Double> outbound(String node, String material, Collection<String> orders);

    /** The node's buffer targets for a material, in its mapped unit: safety stock and order lot (0: none). */
    record Target(double safetyStock, double lot) {
    }

    /** The buffer targets MRP netting keeps: stock below the safety stock is not used, orders come in whole lots. */
    default Target target(String node, String material) {
        return new Target(0, 0);
    }
}
