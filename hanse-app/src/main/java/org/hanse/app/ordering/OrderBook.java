package org.hanse.app.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other modules may ask about orders: a node's open orders of a material (in the supplier's unit) and when an order was placed. */
@Service
public class OrderBook {

    private final OrderRepository orders;

    OrderBook(OrderRepository orders) {
        this.orders = orders;
    }

    /** An open order's line for one material. */
    public record OpenOrder(String id, String buyer, String supplier, double quantity, Instant due, double urgency, Instant placedAt) {
    }

    /** Open orders the node must deliver (it is the supplier). */
    public List<OpenOrder> openOutbound(String node, String material) {
        return open(orders.openWhere("supplier_id", node), material);
    }

    /** Open orders the node is waiting for (it is the buyer): in transit, with the due date as ETA. */
    public List<OpenOrder> openInbound(String node, String material) {
        return open(orders.openWhere("buyer_id", node), material);
    }

    /** A past order of a buyer with a supplier for one material: what was ordered and, once confirmed, when it was finished. */
    public record PastOrder(String id, double quantity, Instant placedAt, Instant finishedAt) {
    }

    /** Orders of the pair for the material placed since {@code since}, rejected and withdrawn ones left out. */
    public List<PastOrder> history(String buyer, String supplier, String material, Instant since) {
        return orders.placedBetween(buyer, supplier, since).stream().flatMap(o -> o.order().lines().stream()
                .filter(l -> material.equals(l.get("material")))
                .map(l -> new PastOrder(o.order().id(), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))), o.order().placedAt(),
                        o.finishedAt())))
                .toList();
    }

    /** An order's parties, status, quantities per material (in the supplier's unit), when it was placed and its due date. */
    public record OrderFacts(String id, String buyer, String supplier, String status, Map<String, Double> quantities, Instant placedAt, Instant due) {
    }

    public Optional<OrderFacts> facts(String orderId) {
        return orders.find(orderId).map(o -> {
            Map<String, Double> q = new java.util.LinkedHashMap<>();
            o.lines().forEach(l -> q.merge((String) l.get("material"), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))), Double::sum));
            return new OrderFacts(o.id(), o.buyer(), o.supplier(), o.status().name(), q, o.placedAt(), o.due());
        });
    }

    public Optional<Instant> placedAt(String orderId) {
        return orders.find(orderId).map(StoredOrder::placedAt);
    }

    private static List<OpenOrder> open(List<StoredOrder> list, String material) {
        return list.stream().flatMap(o -> o.lines().stream()
                .filter(l -> material.equals(l.get("material")))
                .map(l -> new OpenOrder(o.id(), o.buyer(), o.supplier(), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))),
                        o.due(), o.urgency(), o.placedAt())))
                .toList();
    }

}
