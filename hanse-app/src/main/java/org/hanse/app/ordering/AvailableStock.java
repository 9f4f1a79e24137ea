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

    /** What the node promised from stock to orders other than {@code except} and has not shipped on them yet. */
    double allocatedToOthers(String node, String material, String except) {
        if (stock.isEmpty()) {
            return 0;
        }
        Map<String, Double> open = new java.util.HashMap<>(allocations.open(node, material));
        open.remove(except);
        Map<String, Double> shipped = stock.get(0).outbound(node, material, open.keySet());
        double outstanding = 0;
        for (Map.Entry<String, Double> e : open.entrySet()) {
            outstanding += Math.max(0, e.getValue() - shipped.getOrDefault(e.getKey(), 0.0));
        }
        return outstanding;
    }

    /**
     * The node's own position of a component for MRP netting: free stock (on hand less outstanding allocations), its
     * buffer's safety stock and lot, and everything on its open orders for it.
     */
    org.hanse.core.order.MrpNetting.Stock netting(String node, String material) {
        AvailableToPromise.Position p = position(node, material);
        StockPosition.Target target = stock.isEmpty() ? new StockPosition.Target(0, 0) : stock.get(0).target(node, material);
        double onOrder = p.receipts().stream().mapToDouble(AvailableToPromise.Receipt::quantity).sum();
        return new org.hanse.core.order.MrpNetting.Stock(p.free(), Math.max(0, target.safetyStock()), onOrder, Math.max(0, target.lot()));
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
