package org.hanse.app.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hanse.core.order.AvailableToPromise;
import org.springframework.stereotype.Component;

/**
 * Assembles a node's stock position for available-to-promise: on hand (inventory, through {@link StockPosition}), the
 * outstanding allocations of accepted orders (allocated less what already left stock for them) and the scheduled
 * receipts (the node's own open inbound orders).
 */
@Component
class AvailableStock {

    private final List<StockPosition> stock;
    private final StockAllocations allocations;
    private final OrderRepository orders;

    AvailableStock(List<StockPosition> stock, StockAllocations allocations, OrderRepository orders) {
        this.stock = stock;
        this.allocations = allocations;
        this.orders = orders;
    }

    /**
     * The position of the node's material. Holds carry no quantity of their own (a hold blocks shipping an order whose
     * promise is already allocated), so they count as zero here.
     */
    AvailableToPromise.Position position(String node, String material) {
        if (stock.isEmpty()) {
            return AvailableToPromise.Position.EMPTY;
        }
        StockPosition source = stock.get(0);
        Map<String, Double> open = allocations.open(node, material);
        Map<String, Double> shipped = source.outbound(node, material, open.keySet());
        double outstanding = 0;
        for (Map.Entry<String, Double> e : open.entrySet()) {
            outstanding += Math.max(0, e.getValue() - shipped.getOrDefault(e.getKey(), 0.0));
        }
        return new AvailableToPromise.Position(Math.max(0, source.onHand(node, material)), outstanding, 0, receipts(node, material));
    }

    /** Open orders the node placed for the material, by due date (quantities as ordered, in the node's unit). */
    private List<AvailableToPromise.Receipt> receipts(String node, String material) {
        List<AvailableToPromise.Receipt> receipts = new ArrayList<>();
        for (StoredOrder o : orders.openWhere("buyer_id", node)) {
            for (Map<String, Object> line : o.lines()) {
                if (material.equals(line.get("material"))) {
                    receipts.add(new AvailableToPromise.Receipt(Double.parseDouble(String.valueOf(line.get("quantity"))), o.due()));
                }
            }
        }
        return receipts;
    }
}
