package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.network.RelationshipDepth;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.node.OwnedId;
import org.hanse.core.relation.ReleaseOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A supplier's shipping queue for one material: its open outbound orders with quantity still to ship, in release order
 * (RULES 3.2 exception priority of the pair first, then urgency U) — which competing order to ship first.
 */
@Service
class ShipmentQueue {

    /** More open orders of one material than anyone plans by hand; the rest follow once these ship. */
    static final int MAX_ITEMS = 1000;

    private final JdbcClient jdbc;
    private final OrderBook orders;
    private final List<RelationshipDepth> depth;

    ShipmentQueue(JdbcClient jdbc, OrderBook orders, List<RelationshipDepth> depth) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.depth = depth;
    }

    List<Map<String, Object>> queue(String supplier, String material) {
        Map<String, OrderBook.OpenOrder> byId = new LinkedHashMap<>();
        Map<String, Double> ordered = new LinkedHashMap<>();
        List<ReleaseOrder.Candidate> candidates = new ArrayList<>();
        for (OrderBook.OpenOrder o : orders.openOutbound(supplier, material)) {
            ReleaseOrder.Priority priority = depth.stream().findFirst().map(d -> d.exceptionPriority(o.buyer(), supplier))
                    .orElse(ReleaseOrder.Priority.NORMAL);
            // Lines of one order for the same material merge: the order competes once.
            ordered.merge(o.id(), o.quantity(), Double::sum);
            if (byId.putIfAbsent(o.id(), o) == null) {
                candidates.add(new ReleaseOrder.Candidate(o.id(), priority, o.urgency(), o.due().getEpochSecond()));
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReleaseOrder.Candidate c : ReleaseOrder.rank(candidates)) {
            OrderBook.OpenOrder o = byId.get(c.id());
            double open = ordered.get(c.id()) - shipped(c.id(), material);
            if (open <= 1e-9 || items.size() == MAX_ITEMS) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", items.size() + 1);
            m.put("order", OwnedId.shown(c.id(), supplier));
            m.put("buyer", o.buyer());
            m.put("priority", c.priority().name());
            m.put("urgency", Math.round(c.urgency() * 1000) / 1000.0);
            m.put("due", o.due().toString());
            m.put("toShip", Math.round(open * 1e6) / 1e6);
            items.add(m);
        }
        return items;
    }

    private double shipped(String order, String material) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id
                WHERE s.order_id = ? AND l.material = ?""").params(order, material).query(BigDecimal.class).single().doubleValue();
    }
}
