package org.hanse.app.inventory;

import java.util.Collection;
import java.util.Map;
import org.hanse.app.ordering.StockPosition;
import org.springframework.stereotype.Component;

/** The ordering module's view of stock: on hand and what left stock for each order (ATP), buffer targets (MRP netting). */
@Component
class InventoryPosition implements StockPosition {

    private final StockLedger ledger;
    private final Buffers buffers;
    private final BufferStore store;

    InventoryPosition(StockLedger ledger, Buffers buffers, BufferStore store) {
        this.ledger = ledger;
        this.buffers = buffers;
        this.store = store;
    }

    @Override
    public double onHand(String node, String material) {
        return ledger.onHand(node, material);
    }

    @Override
    public Map<String, Double> outbound(String node, String material, Collection<String> orders) {
        return ledger.outboundByOrder(node, material, orders);
    }

    /** Safety stock of the buffer as computed now; the lot Q = lot days · mean daily demand (none without demand). */
    @Override
    public Target target(String node, String material) {
        BufferView view = buffers.view(node, material);
        return new Target(view.thresholds().safetyStock(), store.settings(node).policy().lotDays() * view.demand().mean());
    }
}
