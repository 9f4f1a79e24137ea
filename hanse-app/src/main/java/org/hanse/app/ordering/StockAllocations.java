package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What accepted orders promised from their supplier's stock (table stock_allocation), open until released. */
@Repository
class StockAllocations {

    private final JdbcClient jdbc;

    StockAllocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the order's promise per material (quantities in the supplier's unit); zero quantities are skipped. */
    void allocate(String orderId, String node, Map<String, Double> byMaterial, Instant now) {
        byMaterial.forEach((material, quantity) -> {
            if (quantity > 1e-9) {
                jdbc.sql("INSERT INTO stock_allocation (order_id, node_id, material, quantity, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(orderId, node, material, BigDecimal.valueOf(quantity).setScale(6, java.math.RoundingMode.HALF_UP),
                                Timestamp.from(now))
                        .update();
            }
        });
    }

    /** Releases whatever the order still holds (reject, withdraw, cancel, completion); repeating it changes nothing. */
    void release(String orderId, Instant now) {
        jdbc.sql("UPDATE stock_allocation SET released_at = ? WHERE order_id = ? AND released_at IS NULL")
                .params(Timestamp.from(now), orderId).update();
    }

    /** Open allocations of the node's material: quantity per order. */
    Map<String, Double> open(String node, String material) {
        Map<String, Double> byOrder = new LinkedHashMap<>();
        jdbc.sql("SELECT order_id, quantity FROM stock_allocation WHERE node_id = ? AND material = ? AND released_at IS NULL ORDER BY order_id")
                .params(node, material)
                .query(rs -> {
                    byOrder.put(rs.getString("order_id"), rs.getBigDecimal("quantity").doubleValue());
                });
        return byOrder;
    }

    /** The order's allocations per material, open or released (for its evidence and tests). */
    Map<String, Double> of(String orderId) {
        Map<String, Double> byMaterial = new LinkedHashMap<>();
        jdbc.sql("SELECT material, quantity FROM stock_allocation WHERE order_id = ? AND released_at IS NULL ORDER BY material")
                .param(orderId)
                .query(rs -> {
                    byMaterial.put(rs.getString("material"), rs.getBigDecimal("quantity").doubleValue());
                });
        return byMaterial;
    }
}
