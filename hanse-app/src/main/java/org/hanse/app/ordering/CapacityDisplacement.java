package org.hanse.app.ordering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.RelationshipDepth;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.CapacityWindow;
import org.hanse.core.order.OrderDecision;
import org.hanse.core.order.OrderRule;
import org.hanse.core.order.Outcome;
import org.hanse.core.order.ResourceLoad;
import org.hanse.core.relation.CapacityPrecedence;
import org.hanse.core.relation.ReleaseOrder;
import org.springframework.stereotype.Component;

/**
 * Exception priority orders capacity (RULES 3.5): a buyer's order its supplier would reject for lack of hours takes the
 * hours of lower-ranked, not yet started reservations there ({@link CapacityPrecedence}); those orders keep their
 * acceptance and are reserved again backward from their LF on what is left, their buyer warned when they no longer fit.
 */
@Component
class CapacityDisplacement {

    private final ChainPlanner planner;
    private final CapacityStore capacity;
    private final OrderRepository orders;
    private final List<RelationshipDepth> depth;
    private final NodeEvents events;

    CapacityDisplacement(ChainPlanner planner, CapacityStore capacity, OrderRepository orders, List<RelationshipDepth> depth,
                         NodeEvents events) {
        this.planner = planner;
        this.capacity = capacity;
        this.orders = orders;
        this.depth = depth;
        this.events = events;
    }

    /** Plans the buyer's order like {@link ChainPlanner#planRoot}, displacing lower-ranked reservations when that makes it fit. */
    PlannedOrder planRoot(PlaceOrder order, Instant now) {
        PlannedOrder root = planner.planRoot(order, now);
        OrderDecision d = root.decision();
        if (d == null || root.accepted() || d.latestFinish() == null || d.resources().isEmpty()
                || d.resources().stream().allMatch(OrderDecision.ResourceCheck::sufficient)) {
            return root;
        }
        String node = root.supplier();
        Optional<CapacityProfile> profile = capacity.profile(node);
        if (profile.isEmpty()) {
            return root;
        }
        Map<String, List<CapacityStore.Booked>> booked = new LinkedHashMap<>();
        capacity.booked(node).forEach(b -> booked.computeIfAbsent(b.orderId(), k -> new ArrayList<>()).add(b));
        Set<String> displaced = displaced(root, d, booked, CapacityWindow.dateOf(now));
        if (displaced.isEmpty()) {
            return root;
        }
        displaced.forEach(capacity::releaseHours);
        PlannedOrder again = planner.planRoot(order, now);
        if (!again.accepted()) {
            // The freed hours did not make it fit after all (stock, WIP): everything stays as it was.
            displaced.forEach(id -> capacity.reserve(id, node, byResource(booked.get(id))));
            return root;
        }
        replan(node, profile.get(), again, displaced, booked, now);
        return again;
    }

    /** The orders to move for every resource short of hours; none unless each such resource then fits. */
    private Set<String> displaced(PlannedOrder root, OrderDecision d, Map<String, List<CapacityStore.Booked>> booked, LocalDate today) {
        ReleaseOrder.Candidate newcomer = new ReleaseOrder.Candidate(root.id(), priority(root.buyer(), root.supplier()), d.urgency(),
                root.window().due().getEpochSecond());
        LocalDate lf = CapacityWindow.dateOf(d.latestFinish());
        Map<String, StoredOrder> open = new HashMap<>();
        orders.openWhere("supplier_id", root.supplier()).forEach(o -> open.put(o.id(), o));
        Set<String> out = new LinkedHashSet<>();
        for (OrderDecision.ResourceCheck check : d.resources()) {
            if (check.sufficient()) {
                continue;
            }
            List<CapacityPrecedence.Reservation> competing = new ArrayList<>();
            booked.forEach((id, days) -> {
                StoredOrder o = open.get(id);
                if (o == null) {
                    return;
                }
                // Work has begun once any of its hours fall on today or earlier: such an order keeps its place.
                boolean started = days.stream().anyMatch(b -> !b.date().isAfter(today));
                double inWindow = days.stream().filter(b -> b.resource().equals(check.resource()) && !b.date().isAfter(lf))
                        .mapToDouble(CapacityStore.Booked::hours).sum();
                competing.add(new CapacityPrecedence.Reservation(new ReleaseOrder.Candidate(id, priority(o.buyer(), o.supplier()),
                        o.urgency(), o.due().getEpochSecond()), inWindow, started));
            });
            CapacityPrecedence.Displacement x = CapacityPrecedence.displace(newcomer, check.hoursNeeded(), check.freeHours(), competing);
            if (!x.fits()) {
                return Set.of();
            }
            out.addAll(x.displaced());
        }
        return out;
    }

    /** Reserves each displaced order again backward from its LF; one that spills past its capacity is reported at risk. */
    private void replan(String node, CapacityProfile profile, PlannedOrder newcomer, Set<String> displaced,
                        Map<String, List<CapacityStore.Booked>> booked, Instant now) {
        Map<String, ResourceLoad> loads = new HashMap<>(capacity.loads(node, CapacityWindow.dateOf(now)));
        // The newcomer's hours are stored only after this; count them now so the displaced orders do not take them back.
        newcomer.flatten().stream().filter(p -> p.supplier().equals(node))
                .forEach(p -> p.reservation().forEach((r, days) -> loads.merge(r, ResourceLoad.EMPTY.plus(days), (a, b) -> a.plus(days))));
        for (String id : displaced) {
            StoredOrder o = orders.find(id).orElseThrow();
            Instant lf = Instant.parse(String.valueOf(o.decision().get("latestFinish")));
            List<OrderDecision.ResourceCheck> checks = new ArrayList<>();
            byResource(booked.get(id)).forEach((r, days) -> checks.add(new OrderDecision.ResourceCheck(r,
                    days.values().stream().mapToDouble(Double::doubleValue).sum(), 0, 0, 0, null, null)));
            OrderDecision hours = new OrderDecision(Outcome.ACCEPTED_ROUTINE, o.urgency(), Duration.ZERO, lf, checks, 0, 0, Map.of(),
                    null, 0, null, List.of());
            Map<String, Map<LocalDate, Double>> reservation = OrderRule.reserve(hours, profile, loads, now);
            boolean late = false;
            for (var e : reservation.entrySet()) {
                double perDay = profile.resource(e.getKey()).orElseThrow().hoursPerDay();
                ResourceLoad before = loads.getOrDefault(e.getKey(), ResourceLoad.EMPTY);
                // allocateBackward puts what does not fit by the LF on its last day, beyond the day's hours.
                late |= e.getValue().entrySet().stream().anyMatch(day -> before.on(day.getKey()) + day.getValue() > perDay + 1e-6);
                loads.put(e.getKey(), before.plus(e.getValue()));
            }
            capacity.reserve(id, node, reservation);
            if (late) {
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.DUE_DATE_AT_RISK, node, List.of(o.buyer()), now,
                        Map.of("order", id, "displacedBy", newcomer.id(), "reason", "its hours went to a higher-ranked order and"
                                + " what is left does not fit before its latest finish " + lf)));
            }
        }
    }

    private static Map<String, Map<LocalDate, Double>> byResource(List<CapacityStore.Booked> days) {
        Map<String, Map<LocalDate, Double>> out = new LinkedHashMap<>();
        days.forEach(b -> out.computeIfAbsent(b.resource(), k -> new LinkedHashMap<>()).merge(b.date(), b.hours(), Double::sum));
        return out;
    }

    private ReleaseOrder.Priority priority(String buyer, String supplier) {
        return depth.stream().findFirst().map(x -> x.exceptionPriority(buyer, supplier)).orElse(ReleaseOrder.Priority.NORMAL);
    }
}
