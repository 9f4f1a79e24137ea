package org.hanse.app.inventory;

import java.util.Collection;
import java.util.Map;
import org.hanse.app.ordering.StockPosition;
import org.springframework.stereotype.Component;

/** The ordering module's view of stock for available-to-promise: on hand and what left stock for each order. */
@Component
class InventoryPosition implements StockPosition {

    private final StockLedger ledger;

    InventoryPosition(StockLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public double onHand(String node, String material) {
        return ledger.onHand(node, material);
    }

    @Override
    public Map<String, Double> outbound(String node, String material, Collection<String> orders) {
        return ledger.outboundByOrder(node, material, orders);
    }
}
