package org.hanse.app.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.order.IllegalTransitionException;
import org.hanse.core.order.OrderEvent;
import org.hanse.core.order.OrderLifecycle;
import org.hanse.core.order.OrderState;
import org.hanse.core.payment.Milestone;
import org.springframework.stereotype.Service;

/**
 * Moves orders through their life cycle ({@link OrderLifecycle}): refuses what the state does not allow with 409 naming
 * it, cancels component orders whose goods have not left, and applies goods milestones and full payment reported by
 * the logistics and payments modules. Callers hold the transaction.
 */
@Service
class OrderProgress {

    private final OrderRepository orders;
    private final CapacityStore capacity;
    private final NodeEvents events;
    private final Clock clock;

    OrderProgress(OrderRepository orders, CapacityStore capacity, NodeEvents events, Clock clock) {
        this.orders = orders;
        this.capacity = capacity;
        this.events = events;
        this.clock = clock;
    }

    /** The state {@code event} leads the order to; 409 naming the current state when it is not allowed. */
    OrderState next(StoredOrder order, OrderEvent event) {
        try {
            return OrderLifecycle.next(order.status(), event);
        } catch (IllegalTransitionException e) {
            throw new ConflictException("order " + order.id() + " is " + order.status() + "; " + event + " is not allowed in that state");
        }
    }

    /** Stores the new state; a dead end releases the reserved capacity and, when asked, tells the supplier. */
    void move(StoredOrder order, OrderState next, Instant now, boolean announce) {
        if (next == order.status()) {
            return;
        }
        orders.setStatus(order.id(), next);
        if (next.dead()) {
            capacity.release(order.id());
            if (announce) {
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.ORDER_STATUS, order.buyer(), List.of(order.supplier()), now,
                        Map.of("order", order.id(), "status", next.name())));
            }
        }
    }

    /**
     * Cancels the component orders below {@code parent} (its supplier's own orders, and theirs) whose goods have not
     * left; a component already shipping stays, and so do the orders below it (their goods are on their way too).
     */
    void cascade(StoredOrder parent, OrderEvent event, Instant now) {
        for (StoredOrder child : orders.inChain(parent.rootId())) {
            if (parent.id().equals(child.parentId()) && OrderLifecycle.allows(child.status(), event)) {
                // A planned component order was never sent: its supplier is not told about it.
                move(child, OrderLifecycle.next(child.status(), event), now, child.status() != OrderState.PLANNED);
                cascade(child, event, now);
            }
        }
    }

    /** 409 naming the state unless a logistics unit may be created against the order now. */
    void requireShippable(String orderId) {
        next(locked(orderId), OrderEvent.SHIPMENT_CREATED);
    }

    /**
     * Applies a goods milestone: {@code reached} is the quantity per material (supplier's unit) of all the order's units
     * that have reached it. The new state; 409 naming the current one when the milestone is not allowed in it.
     */
    OrderState goods(String orderId, Milestone milestone, Map<String, Double> reached) {
        StoredOrder order = locked(orderId);
        Map<String, Double> ordered = new LinkedHashMap<>();
        order.lines().forEach(l -> ordered.merge((String) l.get("material"), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))), Double::sum));
        var event = OrderLifecycle.goods(milestone, ordered, reached);
        if (event.isEmpty()) {
            return order.status();
        }
        OrderState next = next(order, event.get());
        move(order, next, clock.instant(), false);
        return next;
    }

    /** The order's accepted goods are fully paid: CLOSED once delivered; before that nothing changes (false). */
    boolean fullyPaid(String orderId) {
        StoredOrder order = locked(orderId);
        if (!OrderLifecycle.allows(order.status(), OrderEvent.FULLY_PAID)) {
            return false;
        }
        move(order, OrderLifecycle.next(order.status(), OrderEvent.FULLY_PAID), clock.instant(), false);
        return true;
    }

    private StoredOrder locked(String orderId) {
        return orders.lock(orderId).orElseThrow(() -> new NotFoundException("order " + orderId + " does not exist"));
    }
}
