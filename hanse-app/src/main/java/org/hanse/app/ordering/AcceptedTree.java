package org.hanse.app.ordering;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hanse.app.messaging.Delivery;
import org.hanse.core.digest.Sha256;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.OrderEvent;
import org.hanse.core.order.OrderLifecycle;
import org.hanse.core.order.OrderState;
import org.hanse.core.order.Outcome;
import org.springframework.stereotype.Component;

/**
 * Stores an accepted, feasible planned tree (RULES 3.5): every order decided by its supplier is confirmed, its hours
 * reserved, its stock promise allocated and announced — except the component orders of a maker that has not opted into
 * automatic placement ({@code auto-place-components}): those are stored PLANNED, unsent, without their own component
 * orders, until the maker approves them ({@link PlannedOrders}).
 */
@Component
class AcceptedTree {

    /** The outcome of a component order never sent to its supplier (planned, or discarded while planned). */
    static final String UNSENT = "PLANNED";

    private final OrderRepository orders;
    private final CapacityStore capacity;
    private final StockAllocations allocations;
    private final OrderAnnouncer announcer;

    AcceptedTree(OrderRepository orders, CapacityStore capacity, StockAllocations allocations, OrderAnnouncer announcer) {
        this.orders = orders;
        this.capacity = capacity;
        this.allocations = allocations;
        this.announcer = announcer;
    }

    /**
     * Stores {@code top} and its component orders in the chain of {@code chainRoot}. {@code above} are the nodes after
     * {@code top} in the chain; {@code topStored} when top's row exists (an approved planned order): it is updated. The
     * ids of the orders sent (confirmed), parents first.
     */
    Set<String> store(PlannedOrder top, String chainRoot, String topHash, int revision, List<String> above, boolean topStored,
                      Instant now) {
        Map<String, List<String>> downstream = OrderAnnouncer.downstream(top, above);
        Set<String> placed = new LinkedHashSet<>();
        Set<String> skipped = new HashSet<>();
        for (PlannedOrder p : top.flatten()) {
            if (skipped.contains(p.id())) {
                continue;
            }
            if (p != top && waitsForApproval(p)) {
                // Its own component orders are planned when it is approved, at its supplier's capacity then.
                p.children().forEach(c -> c.flatten().forEach(d -> skipped.add(d.id())));
                // Outcome PLANNED marks it unsent (until approval replaces the decision); the supplier's likely answer is kept.
                Map<String, Object> preview = DecisionJson.of(p.decision());
                preview.put("expectedOutcome", preview.get("outcome"));
                preview.put("outcome", UNSENT);
                orders.insert(p, chainRoot, OrderState.PLANNED, preview, Sha256.hex(p.id()), revision, now);
                continue;
            }
            Map<String, Object> decision = DecisionJson.of(p.decision());
            // What the supplier promised from its stock and receipts (and, for a maker, the components it nets), per material.
            decision.put("allocated", p.fromStock().entrySet().stream().filter(e -> e.getValue() > 1e-9)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> DecisionJson.round(e.getValue()))));
            OrderState confirmed = OrderLifecycle.next(OrderState.PLACED, OrderEvent.DECIDED_ACCEPT);
            if (p == top && topStored) {
                orders.decide(p.id(), confirmed, decision, p.decision().urgency(), now);
            } else {
                orders.insert(p, chainRoot, confirmed, decision, p == top ? topHash : Sha256.hex(p.id()), revision, now);
            }
            capacity.reserve(p.id(), p.supplier(), p.reservation());
            allocations.allocate(p.id(), p.supplier(), p.fromStock(), now);
            Delivery delivery = p.decision().outcome() == Outcome.ACCEPTED_COLLABORATIVE ? Delivery.REAL_TIME : Delivery.FEED;
            announcer.announce(p, decision, downstream.get(p.id()), delivery, now);
            placed.add(p.id());
        }
        return placed;
    }

    /** A component order waits unless its maker (the order's buyer) declared {@code auto-place-components: true}. */
    private boolean waitsForApproval(PlannedOrder p) {
        return p.parentId() != null && p.decision() != null
                && !capacity.profile(p.buyer()).map(CapacityProfile::autoPlaceComponents).orElse(true);
    }
}
