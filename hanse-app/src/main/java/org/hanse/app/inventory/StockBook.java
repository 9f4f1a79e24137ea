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
        stock.record(node, new Stock.Post(id, material, kind, quantity, null, occurredAt.toString(), null, "demo history"), Principal.node(node));
    }
}
