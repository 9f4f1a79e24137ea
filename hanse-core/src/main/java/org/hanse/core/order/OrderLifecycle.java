package org.hanse.core.order;

import static org.hanse.core.order.OrderEvent.*;
import static org.hanse.core.order.OrderState.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hanse.core.payment.Milestone;

/**
 * The order life cycle (RULES 3.5.1) as a pure transition function: PLACED → CONFIRMED → PARTIALLY_SHIPPED → SHIPPED →
 * DELIVERED → CLOSED, with REJECTED, WITHDRAWN and CANCELLED beside it. Repeats of an event that changes nothing are
 * allowed (the state stays), so retried requests are harmless; everything else not listed is refused.
 */
public final class OrderLifecycle {

    private static final Map<OrderState, Map<OrderEvent, OrderState>> NEXT = new EnumMap<>(OrderState.class);

    static {
        // A planned component order is sent on approval, or discarded by its maker (its buyer) as a withdrawal.
        on(PLANNED, APPROVE, PLACED);
        on(PLANNED, WITHDRAW, WITHDRAWN);
        on(PLANNED, CANCEL, CANCELLED);
        on(PLACED, DECIDED_ACCEPT, CONFIRMED);
        on(PLACED, DECIDED_REJECT, REJECTED);
        on(PLACED, WITHDRAW, WITHDRAWN);
        on(PLACED, CANCEL, CANCELLED);
        on(CONFIRMED, OVERRIDE_REJECT, REJECTED);
        on(CONFIRMED, WITHDRAW, WITHDRAWN);
        on(CONFIRMED, CANCEL, CANCELLED);
        on(CONFIRMED, SHIPMENT_CREATED, CONFIRMED);
        on(CONFIRMED, SHIPPED_PART, PARTIALLY_SHIPPED);
        on(CONFIRMED, SHIPPED_ALL, SHIPPED);
        // An order tracked by receipts only: the supplier's confirmation is its delivery.
        on(CONFIRMED, COMPLETION_CONFIRMED, DELIVERED);
        on(REJECTED, OVERRIDE_ACCEPT, CONFIRMED);
        on(REJECTED, WITHDRAW, WITHDRAWN);
        on(REJECTED, CANCEL, CANCELLED);
        stays(PARTIALLY_SHIPPED, SHIPMENT_CREATED, SHIPPED_PART, DELIVERED_PART, ACCEPTED_PART, COMPLETION_CONFIRMED);
        on(PARTIALLY_SHIPPED, SHIPPED_ALL, SHIPPED);
        stays(SHIPPED, SHIPPED_ALL, DELIVERED_PART, ACCEPTED_PART, COMPLETION_CONFIRMED);
        on(SHIPPED, DELIVERED_ALL, DELIVERED);
        stays(DELIVERED, DELIVERED_ALL, ACCEPTED_PART, ACCEPTED_ALL, COMPLETION_CONFIRMED);
        on(DELIVERED, FULLY_PAID, CLOSED);
        stays(CLOSED, FULLY_PAID);
        stays(WITHDRAWN, WITHDRAW);
        stays(CANCELLED, CANCEL);
    }

    private OrderLifecycle() {
    }

    private static void on(OrderState from, OrderEvent event, OrderState to) {
        NEXT.computeIfAbsent(from, s -> new EnumMap<>(OrderEvent.class)).put(event, to);
    }

    private static void stays(OrderState state, OrderEvent... events) {
        for (OrderEvent e : events) {
            on(state, e, state);
        }
    }

    /** The state after {@code event}; refused with the current state when the event is not allowed in it. */
    public static OrderState next(OrderState state, OrderEvent event) {
        OrderState to = NEXT.getOrDefault(state, Map.of()).get(event);
        if (to == null) {
            throw new IllegalTransitionException(state, event);
        }
        return to;
    }

    /** Whether {@code event} is allowed in {@code state}. */
    public static boolean allows(OrderState state, OrderEvent event) {
        return NEXT.getOrDefault(state, Map.of()).containsKey(event);
    }

    /** The events allowed in {@code state}. */
    public static Set<OrderEvent> allowed(OrderState state) {
        Map<OrderEvent, OrderState> m = NEXT.getOrDefault(state, Map.of());
        return m.isEmpty() ? EnumSet.noneOf(OrderEvent.class) : EnumSet.copyOf(m.keySet());
    }

    /**
     * The event a goods milestone is for the order: {@code reached} is the quantity per material that has reached the
     * milestone so far over all its units, {@code ordered} the ordered quantity per material (same unit). All of it
     * when every ordered material has reached its quantity (within 10⁻⁹), else part. IN_TRANSIT moves no state: empty.
     */
    public static java.util.Optional<OrderEvent> goods(Milestone milestone, Map<String, Double> ordered, Map<String, Double> reached) {
        boolean all = ordered.entrySet().stream().allMatch(e -> reached.getOrDefault(e.getKey(), 0.0) >= e.getValue() - 1e-9);
        return java.util.Optional.ofNullable(switch (milestone) {
            case SHIPPED -> all ? SHIPPED_ALL : SHIPPED_PART;
            case DELIVERED -> all ? DELIVERED_ALL : DELIVERED_PART;
            case ACCEPTED -> all ? ACCEPTED_ALL : ACCEPTED_PART;
            case IN_TRANSIT -> null;
        });
    }
}
