package org.hanse.app.inventory;

import java.time.Instant;
import org.hanse.app.security.Principal;
import org.springframework.stereotype.Service;

/** What other modules may do with stock: record a movement as a node would (validated, idempotent by id). */
@Service
public class StockBook {

    private final Stock stock;

    StockBook(Stock stock) {
        this.stock = stock;
    }

    /** Records a receipt, consumption or adjustment for the node, in the unit of its BOM mapping. */
    public void record(String node, String id, String material, String kind, String quantity, Instant occurredAt) {
        record(node, id, material, kind, quantity, occurredAt, null, "demo history");
    }

    /** As above, referencing the order it belongs to (receipts of orders give the lead-time statistics). */
    public void record(String node, String id, String material, String kind, String quantity, Instant occurredAt, String orderId, String note) {
        stock.record(node, new Stock.Post(id, material, kind, quantity, null, occurredAt.toString(), orderId, note), Principal.node(node));
    }

    /** Whether the node keeps the material in its BOM mapping (and so can hold a buffer of it). */
    public boolean keeps(String node, String material) {
        return stock.keeps(node, material);
    }
}
