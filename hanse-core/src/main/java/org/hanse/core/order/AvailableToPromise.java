package org.hanse.core.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Available-to-promise (RULES 3.5): an order is first served from free stock (on hand − open allocations − open holds)
 * plus scheduled receipts due by the need date LF = due − transit; only the rest goes to the trigger-response rule on
 * capacity. A material the supplier declares no capacity for is served from stock and receipts alone.
 */
public final class AvailableToPromise {

    private static final double EPS = 1e-9;

    private AvailableToPromise() {
    }

    /** A scheduled receipt: the quantity of an open inbound order and when it is due. */
    public record Receipt(double quantity, Instant due) {
        public Receipt {
            if (!(quantity >= 0) || due == null) {
                throw new IllegalArgumentException("a receipt needs a quantity ≥ 0 and a due date");
            }
        }
    }

    /** The stock position of one material at one node, in the node's mapped unit. */
    public record Position(double onHand, double allocated, double held, List<Receipt> receipts) {

        /** Nothing on hand, nothing coming. */
        public static final Position EMPTY = new Position(0, 0, 0, List.of());

        public Position {
            receipts = receipts.stream().sorted(Comparator.comparing(Receipt::due)).toList();
        }

        /** Stock not yet promised: on hand − allocations − holds (may be negative when over-promised). */
        public double free() {
            return onHand - allocated - held;
        }

        /** What can still be promised for a need at {@code need}: free stock plus receipts due by then, never below zero. */
        public double available(Instant need) {
            double incoming = receipts.stream().filter(r -> !r.due().isAfter(need)).mapToDouble(Receipt::quantity).sum();
            return Math.max(0, free() + incoming);
        }

        /** The earliest instant by which {@code quantity} is available (empty: not even with every receipt). */
        public Optional<Instant> coveredAt(double quantity, Instant now) {
            double running = free();
            if (running + EPS >= quantity) {
                return Optional.of(now);
            }
            for (Receipt r : receipts) {
                running += r.quantity();
                if (running + EPS >= quantity) {
                    return Optional.of(r.due().isBefore(now) ? now : r.due());
                }
            }
            return Optional.empty();
        }

        /** This position after promising {@code quantity} more. */
        public Position allocate(double quantity) {
            return new Position(onHand, allocated + quantity, held, receipts);
        }
    }

    /** The decision and what it promises from stock and receipts per material (recorded only if accepted). */
    public record Promise(OrderDecision decision, Map<String, Double> fromStock) {
        public Promise {
            fromStock = Map.copyOf(fromStock);
        }
    }

    /**
     * Decides an order from stock first, then capacity for the rest. {@code profile} may be null (a node without a
     * capacity declaration); {@code positions} are by material, allocations of earlier orders already counted.
     */
    public static Promise decide(OrderRule.Request request, Map<String, Position> positions, CapacityProfile profile,
                                 Map<String, ResourceLoad> loads, int wip, Instant now, double thetaU) {
        Instant need = request.window().due().minus(request.transit());
        Map<String, Position> left = new HashMap<>(positions);
        Map<String, Double> fromStock = new LinkedHashMap<>();
        List<OrderLine> toMake = new ArrayList<>();
        List<OrderLine> shortOf = new ArrayList<>();
        for (OrderLine line : request.lines()) {
            Position position = left.getOrDefault(line.material(), Position.EMPTY);
            double take = Math.min(line.quantity(), position.available(need));
            if (take > EPS) {
                fromStock.merge(line.material(), take, Double::sum);
                left.put(line.material(), position.allocate(take));
            }
            double rest = line.quantity() - Math.max(0, take);
            if (rest > EPS) {
                boolean makes = profile != null && profile.capability(line.material()).isPresent();
                (makes ? toMake : shortOf).add(new OrderLine(line.material(), rest));
            }
        }
        if (!shortOf.isEmpty()) {
            return new Promise(shortage(request, positions, shortOf, fromStock, profile, wip, now), fromStock);
        }
        if (toMake.isEmpty()) {
            double urgency = UrgencyIndex.of(request.priority(), request.transit(), now, request.window().due());
            Map<String, Double> all = quantities(request.lines());
            return new Promise(new OrderDecision(Outcome.of(true, true, urgency, thetaU), urgency, request.transit(), need, List.of(),
                    wip, profile == null ? 0 : profile.wipMax(), all, null, 0, null, List.of()), fromStock);
        }
        OrderDecision made = OrderRule.decide(new OrderRule.Request(toMake, request.window(), request.batch(), request.priority(),
                request.transit()), profile, loads, wip, now, thetaU);
        Map<String, Double> feasible = new LinkedHashMap<>(fromStock);
        made.feasibleQuantityByDue().forEach((m, q) -> feasible.merge(m, q, Double::sum));
        return new Promise(new OrderDecision(made.outcome(), made.urgency(), made.required(), made.latestFinish(), made.resources(),
                made.wip(), made.wipMax(), feasible, made.earliestFeasibleDelivery(), made.occupancy(), made.proposedWindow(),
                made.reasons()), fromStock);
    }

    /**
     * A rejection for want of stock: the reason names each short material; a window is proposed only when later
     * receipts cover every short material — it starts no earlier than now + transit and keeps the asked width.
     */
    private static OrderDecision shortage(OrderRule.Request request, Map<String, Position> positions, List<OrderLine> shortOf,
                                          Map<String, Double> fromStock, CapacityProfile profile, int wip, Instant now) {
        Instant need = request.window().due().minus(request.transit());
        Map<String, Double> wanted = quantities(request.lines());
        List<String> reasons = new ArrayList<>();
        Instant covered = now;
        for (OrderLine line : shortOf) {
            reasons.add("stock: " + round(fromStock.getOrDefault(line.material(), 0.0)) + " of " + line.material()
                    + " available by the latest finish " + need + ", " + round(line.quantity()) + " short and no capacity declared for it");
            Optional<Instant> at = positions.getOrDefault(line.material(), Position.EMPTY).coveredAt(wanted.get(line.material()), now);
            covered = covered == null || at.isEmpty() ? null : at.get().isAfter(covered) ? at.get() : covered;
        }
        Instant delivery = covered == null ? null : covered.plus(request.transit());
        DeliveryWindow proposed = delivery == null ? null : proposal(request.window(), delivery);
        double urgency = UrgencyIndex.of(request.priority(), request.transit(), now, request.window().due());
        return new OrderDecision(Outcome.REJECTED, urgency, request.transit(), need, List.of(), wip, profile == null ? 0 : profile.wipMax(),
                fromStock, delivery, 0, proposed, reasons);
    }

    /** A window of the asked width whose due is the later of the asked due and the earliest feasible delivery. */
    static DeliveryWindow proposal(DeliveryWindow asked, Instant earliestDelivery) {
        Instant due = earliestDelivery.isAfter(asked.due()) ? earliestDelivery : asked.due();
        Duration width = Duration.between(asked.earliest(), asked.due());
        return new DeliveryWindow(due.minus(width), due);
    }

    private static Map<String, Double> quantities(List<OrderLine> lines) {
        Map<String, Double> byMaterial = new LinkedHashMap<>();
        lines.forEach(l -> byMaterial.merge(l.material(), l.quantity(), Double::sum));
        return byMaterial;
    }

    private static String round(double quantity) {
        return java.math.BigDecimal.valueOf(Math.round(quantity * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }
}
