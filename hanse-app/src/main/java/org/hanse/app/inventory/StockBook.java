package org.hanse.app.inventory;

import java.time.Instant;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.springframework.stereotype.Service;

/** What other modules may do with stock: record a movement as a node would (validated, idempotent by id). */
@Service
public class StockBook {

    private final Stock stock;
    private final StockLedger ledger;
    private final BufferStore store;

    StockBook(Stock stock, StockLedger ledger, BufferStore store) {
        this.stock = stock;
        this.ledger = ledger;
        this.store = store;
    }

    /**
     * Days of inventory of the node over the given materials: on hand over mean daily consumption in the last
     * eight weeks (as the buffers count demand); empty when nothing was consumed.
     */
    public java.util.OptionalDouble inventoryDays(String node, java.util.Collection<String> materials, Instant now) {
        double onHand = 0;
        double perDay = 0;
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        for (String material : materials) {
            onHand += Math.max(0, ledger.onHand(node, material));
            perDay += ledger.dailyConsumption(node, material, today, Buffers.DEMAND_DAYS).stream().mapToDouble(Double::doubleValue).sum()
                    / Buffers.DEMAND_DAYS;
        }
        return perDay <= 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(onHand / perDay);
    }

    /** Records a receipt, consumption or adjustment for the node, in the unit of its BOM mapping. */
    public void record(String node, String id, String material, String kind, String quantity, Instant occurredAt) {
        record(node, id, material, kind, quantity, occurredAt, null, "demo history");
    }

    /** As above, referencing the order it belongs to (receipts of orders give the lead-time statistics). */
    public void record(String node, String id, String material, String kind, String quantity, Instant occurredAt, String orderId, String note) {
        stock.record(node, new Stock.Post(id, material, kind, quantity, null, occurredAt.toString(), orderId, note), Principal.node(node));
    }

    /** Consumption per day (oldest first) of each of the nodes over all materials, from one query. */
    public Map<String, double[]> dailyConsumptionAll(java.util.Collection<String> nodes, Instant now, int days) {
        return ledger.dailyConsumptionAll(new java.util.HashSet<>(nodes), java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), days);
    }

    /** The node's stock on hand of the material (sum of its ledger's movements; 0 without any). */
    public double onHand(String node, String material) {
        return ledger.onHand(node, material);
    }

    /** Whether the node keeps the material in its BOM mapping (and so can hold a buffer of it). */
    public boolean keeps(String node, String material) {
        return stock.keeps(node, material);
    }

    /** Each node's worst buffer zone now (BELOW before ABOVE before INSIDE), for the operator's network map. */
    public Map<String, String> worstZones() {
        return store.worstZones();
    }
}
