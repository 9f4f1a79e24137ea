package org.hanse.app.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.messaging.Delivery;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.InterfaceModule;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Tells the parties of an order what was decided: the supplier, the buyer and the chain's later nodes. */
@Component
class OrderAnnouncer {

    private final NodeEvents events;
    private final Adjacency adjacency;
    private final JsonMapper json;

    OrderAnnouncer(NodeEvents events, Adjacency adjacency, JsonMapper json) {
        this.events = events;
        this.adjacency = adjacency;
        this.json = json;
    }

    /** ORDER_PLACED to the supplier, ORDER_RESPONSE to the buyer, ORDER_STATUS to the chain's later nodes. */
    void announce(PlannedOrder p, Map<String, Object> decision, List<String> later, Delivery delivery, Instant now) {
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("order", p.id());
        placed.put("parent", p.parentId());
        placed.put("lines", json.convertValue(p.lines(), List.class));
        placed.put("window", DecisionJson.window(p.window()));
        placed.put("priority", p.priority().name());
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.ORDER_PLACED, p.buyer(), List.of(p.supplier()), now, placed), delivery);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("order", p.id());
        response.put("decision", decision);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.ORDER_RESPONSE, p.supplier(), List.of(p.buyer()), now, response), delivery);
        status(p.id(), p.buyer(), p.supplier(), later, String.valueOf(decision.get("outcome")), delivery, now);
    }

    /**
     * ORDER_STATUS to later nodes of the chain. A supplier without order-sync does not report itself: its buyer
     * publishes the status about it (proxy conversion, RULES 3.1).
     */
    void status(String orderId, String buyer, String supplier, List<String> recipients, String status, Delivery delivery, Instant now) {
        List<String> to = recipients == null ? List.of() : recipients.stream().filter(r -> !r.equals(supplier)).distinct().toList();
        if (to.isEmpty()) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order", orderId);
        payload.put("supplier", supplier);
        payload.put("status", status);
        boolean proxy = !adjacency.modules(supplier).contains(InterfaceModule.ORDER_SYNC);
        NodeEvent event;
        if (proxy) {
            List<String> others = to.stream().filter(r -> !r.equals(buyer)).toList();
            if (others.isEmpty()) {
                return;
            }
            event = new NodeEvent(UUID.randomUUID().toString(), EventType.ORDER_STATUS, buyer, others, now, NodeEvent.SCHEMA_VERSION,
                    payload, true, buyer, supplier);
        } else {
            event = NodeEvent.of(UUID.randomUUID().toString(), EventType.ORDER_STATUS, supplier, to, now, payload);
        }
        events.publish(event, delivery);
    }

    /**
     * For each order of the tree: the nodes after it in the chain (its buyer's buyers, up to the end buyer), excluding its
     * own buyer; {@code above} are those of the tree's top order (empty for a buyer's order).
     */
    static Map<String, List<String>> downstream(PlannedOrder root, List<String> above) {
        Map<String, List<String>> later = new HashMap<>();
        collect(root, new ArrayList<>(above), later);
        return later;
    }

    private static void collect(PlannedOrder p, List<String> above, Map<String, List<String>> later) {
        later.put(p.id(), List.copyOf(above));
        List<String> next = new ArrayList<>(above);
        next.add(p.buyer());
        for (PlannedOrder c : p.children()) {
            collect(c, next, later);
        }
    }
}
