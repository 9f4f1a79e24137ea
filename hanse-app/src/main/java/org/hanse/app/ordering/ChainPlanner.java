package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.network.Adjacency;
import org.hanse.core.dictionary.IncompatibleUnitsException;
import org.hanse.core.dictionary.Quantity;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.order.AvailableToPromise;
import org.hanse.core.order.BillOfMaterials;
import org.hanse.core.order.Batch;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.CapacityWindow;
import org.hanse.core.order.ChainSchedule;
import org.hanse.core.order.DeliveryWindow;
import org.hanse.core.order.OrderDecision;
import org.hanse.core.order.OrderLine;
import org.hanse.core.order.OrderRule;
import org.hanse.core.order.Priority;
import org.hanse.core.order.ResourceLoad;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Component;

/**
 * Plans an order and, for materials with a bill of materials, the component orders it explodes into: each
 * supplier promises from its stock and receipts first (available-to-promise), then decides the rest by the
 * trigger-response rule on its own capacity; component due dates are derived backward
 * (the parent's latest start); the chain schedule is then computed over the whole tree. Nothing is stored here.
 */
@Component
class ChainPlanner {

    static final int MAX_DEPTH = 8;
    /** A step that cannot be planned at all counts as finishing this far out, so the chain is infeasible there. */
    static final Duration UNREACHABLE = Duration.ofDays(CapacityWindow.HORIZON_DAYS);
    /** The longest processing time or capacity finish planned: anything longer is as infeasible and would not store. */
    static final Duration CENTURY = Duration.ofDays(36_525);

    private final CapacityStore capacity;
    private final Adjacency adjacency;
    private final org.hanse.app.parameters.NetworkParameterSource parameters;
    private final java.util.List<CapacityLimits> limits;
    private final AvailableStock stock;

    ChainPlanner(CapacityStore capacity, Adjacency adjacency,
                 org.hanse.app.parameters.NetworkParameterSource parameters,
                 java.util.List<CapacityLimits> limits, AvailableStock stock) {
        this.limits = limits;
        this.stock = stock;
        this.capacity = capacity;
        this.adjacency = adjacency;
        this.parameters = parameters;
    }

    /** Decision state accumulated while planning one chain: loads and WIP include this chain's own reservations. */
    private final class Session {
        final Instant now;
        final String rootId;
        final Map<String, Map<String, ResourceLoad>> loads = new HashMap<>();
        final Map<String, Integer> wip = new HashMap<>();
        final Map<String, CapacityProfile> profiles = new HashMap<>();
        /** Stock positions by node and material, less what this chain's earlier orders promised. */
        final Map<String, Map<String, AvailableToPromise.Position>> positions = new HashMap<>();
        final ComponentNetting netting = new ComponentNetting(stock);
        int sequence;

        Session(Instant now, String rootId) {
            this.now = now;
            this.rootId = rootId;
        }

        Optional<CapacityProfile> profile(String node) {
            if (!profiles.containsKey(node)) {
                capacity.lockProfile(node).ifPresent(p -> profiles.put(node, p));
            }
            return Optional.ofNullable(profiles.get(node));
        }

        Map<String, ResourceLoad> loads(String node) {
            return loads.computeIfAbsent(node, n -> limited(n, capacity.loads(n, CapacityWindow.dateOf(now))));
        }

        /**
         * A limited node's withheld capacity counts as committed: hours × (1 − share) on every day of the horizon, so
         * OrderRule caps new orders by the remaining-capacity series without knowing about exits.
         */
        private Map<String, ResourceLoad> limited(String node, Map<String, ResourceLoad> committed) {
            for (CapacityLimits l : limits) {
                Optional<java.util.function.ToDoubleFunction<java.time.LocalDate>> share = l.limit(node);
                Optional<CapacityProfile> profile = profile(node);
                if (share.isEmpty() || profile.isEmpty()) {
                    continue;
                }
                Map<String, ResourceLoad> out = new HashMap<>(committed);
                java.time.LocalDate today = CapacityWindow.dateOf(now);
                for (org.hanse.core.order.ProductionResource r : profile.get().resources()) {
                    Map<java.time.LocalDate, Double> withheld = new HashMap<>();
                    for (int d = 0; d <= CapacityWindow.HORIZON_DAYS; d++) {
                        java.time.LocalDate date = today.plusDays(d);
                        double hours = r.hoursPerDay() * (1 - share.get().applyAsDouble(date));
                        if (hours > 0) {
                            withheld.put(date, hours);
                        }
                    }
                    out.put(r.id(), out.getOrDefault(r.id(), ResourceLoad.EMPTY).plus(withheld));
                }
                return out;
            }
            return committed;
        }

        int wip(String node) {
            return wip.computeIfAbsent(node, capacity::wip);
        }

        Map<String, AvailableToPromise.Position> positions(String node, List<OrderLine> lines) {
            Map<String, AvailableToPromise.Position> mine = positions.computeIfAbsent(node, n -> new HashMap<>());
            lines.forEach(l -> mine.computeIfAbsent(l.material(), m -> stock.position(node, m)));
            return mine;
        }
    }

    /**
     * Plans the buyer's order. Problems that make the request itself wrong (supplier not linked, material not
     * mapped or not made, incompatible unit) are thrown as {@link InvalidInputException} with line paths.
     */
    PlannedOrder planRoot(PlaceOrder order, Instant now) {
        Session session = new Session(now, order.id());
        List<Problem> problems = new ArrayList<>();
        Duration transit = adjacency.transit(order.supplier(), order.buyer()).orElseThrow(() ->
                new InvalidInputException("supplier", "'" + order.supplier() + "' is not an accepted supplier of " + order.buyer()));
        List<PlannedOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            PlaceOrder.RequestedLine line = order.lines().get(i);
            String path = "lines[" + i + "]";
            Optional<Adjacency.Mapping> mapping = adjacency.mapping(order.supplier(), line.material());
            if (mapping.isEmpty()) {
                problems.add(new Problem(path + ".material", "supplier " + order.supplier() + " does not supply " + line.material()));
                continue;
            }
            try {
                lines.add(convert(line.material(), line.quantity(), line.unit(), mapping.get()));
            } catch (IncompatibleUnitsException e) {
                problems.add(new Problem(path + ".unit", e.getMessage() + " (the supplier counts " + line.material()
                        + " in " + mapping.get().unit().code() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Batch batch = new Batch(order.batchMinimum().doubleValue(), order.batchMultiple().doubleValue());
        return plan(session, order.id(), order.buyer(), order.supplier(), null, lines,
                new DeliveryWindow(order.earliest(), order.due()), batch, order.priority(), transit, 0);
    }

    private PlannedOrder plan(Session s, String id, String buyer, String supplier, String parentId, List<PlannedOrder.Line> lines,
                              DeliveryWindow window, Batch batch, Priority priority, Duration transit, int depth) {
        CapacityProfile profile = s.profile(supplier).orElse(null); // none: the node promises from stock and receipts alone
        List<OrderLine> supplierLines = lines.stream().map(l -> new OrderLine(l.material(), l.supplierQuantity().doubleValue())).toList();
        Map<String, ResourceLoad> loads = profile == null ? Map.of() : s.loads(supplier);
        Map<String, AvailableToPromise.Position> positions = s.positions(supplier, supplierLines);
        AvailableToPromise.Promise promise = AvailableToPromise.decide(new OrderRule.Request(supplierLines, window, batch, priority, transit),
                positions, profile, loads, s.wip(supplier), s.now, parameters.parameters().ordering().thetaU());
        OrderDecision decision = promise.decision();
        Duration processing = processing(decision.resources().isEmpty() ? null : profile, decision, lines);
        Map<String, Map<java.time.LocalDate, Double>> reservation = Map.of();
        List<PlannedOrder> children = new ArrayList<>();
        Map<String, Double> taken = new HashMap<>(promise.fromStock());
        if (decision.outcome().accepted()) {
            promise.fromStock().forEach((m, q) -> positions.put(m, positions.get(m).allocate(q)));
            reservation = decision.resources().isEmpty() ? Map.of() : OrderRule.reserve(decision, profile, loads, s.now);
            Map<String, ResourceLoad> after = new HashMap<>(loads);
            reservation.forEach((r, days) -> after.put(r, after.getOrDefault(r, ResourceLoad.EMPTY).plus(days)));
            s.loads.put(supplier, after);
            s.wip.merge(supplier, 1, Integer::sum);
            // Components must arrive by this node's latest start: LS = LF − processing.
            Instant componentDue = decision.latestFinish().minus(processing);
            Map<String, Double> served = new HashMap<>(promise.fromStock());
            for (PlannedOrder.Line whole : lines) {
                Optional<BillOfMaterials> bom = profile == null ? Optional.empty() : profile.bom(whole.material());
                // Only what is made needs components: what stock serves is not exploded again.
                PlannedOrder.Line line = whole.leftToMake(served);
                if (bom.isEmpty() || line == null) {
                    continue;
                }
                for (BillOfMaterials.Component component : bom.get().components()) {
                    // Only the net requirement is ordered; the whole requirement is allocated to this order, so the next
                    // netting sees this stock and this order's component order as spoken for.
                    var netted = s.netting.net(supplier, component.material(), line.supplierQuantity().doubleValue() * component.quantityPerUnit());
                    taken.merge(component.material(), netted.gross(), Double::sum);
                    if (netted.net() > 1e-9) {
                        // "~" never occurs in a buyer-chosen id, so component ids cannot collide with them.
                        children.add(planComponent(s, s.rootId + "~" + (++s.sequence), supplier, id, BigDecimal.valueOf(netted.net()),
                                component, componentDue, priority, depth + 1));
                    }
                }
            }
        }
        return new PlannedOrder(id, buyer, supplier, parentId, lines, window, batch, priority, transit, decision, processing,
                reservation, children, null, decision.outcome().accepted() ? taken : Map.of());
    }

    private PlannedOrder planComponent(Session s, String id, String maker, String parentId, BigDecimal netQuantity,
                                       BillOfMaterials.Component component, Instant due, Priority priority, int depth) {
        String supplier = component.preferredSupplier();
        Optional<Adjacency.Mapping> own = adjacency.mapping(maker, component.material());
        BigDecimal quantity = netQuantity.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        DeliveryWindow window = new DeliveryWindow(s.now.isBefore(due) ? s.now : due, due);
        String failure = null;
        PlannedOrder.Line line = null;
        if (depth > MAX_DEPTH) {
            failure = "bill of materials deeper than " + MAX_DEPTH + " tiers (a cycle?)";
        } else if (own.isEmpty()) {
            failure = maker + " maps no unit for component " + component.material();
        } else if (adjacency.transit(supplier, maker).isEmpty()) {
            failure = supplier + " is not an accepted supplier of " + maker;
        } else {
            Optional<Adjacency.Mapping> theirs = adjacency.mapping(supplier, component.material());
            if (theirs.isEmpty()) {
                failure = supplier + " does not supply " + component.material();
            } else {
                try {
                    line = convert(component.material(), quantity, own.get().unit(), theirs.get());
                } catch (IncompatibleUnitsException e) {
                    failure = e.getMessage();
                }
            }
        }
        if (failure != null) {
            List<PlannedOrder.Line> asked = own.map(m -> List.of(new PlannedOrder.Line(component.material(), quantity, m.unit().code(),
                    quantity, m.unit().code(), m.local()))).orElse(List.of());
            return new PlannedOrder(id, maker, supplier, parentId, asked, window, Batch.ANY, priority, Duration.ZERO, null,
                    Duration.ZERO, Map.of(), List.of(), failure, Map.of());
        }
        return plan(s, id, maker, supplier, parentId, List.of(line), window, Batch.ANY, priority,
                adjacency.transit(supplier, maker).orElseThrow(), depth);
    }

    /**
     * The schedule steps of the planned tree. An accepted step had its hours free by its LF, so capacity sets no
     * finish; a rejected one finishes at the instant its hours are free (WorkingHours); one that could not be asked
     * at all, never within the horizon.
     */
    static List<ChainSchedule.Step> steps(PlannedOrder root, Instant now) {
        List<ChainSchedule.Step> steps = new ArrayList<>();
        for (PlannedOrder p : root.flatten()) {
            Instant capacityFinish = null;
            if (p.decision() == null || (!p.accepted() && p.decision().earliestFinish() == null)) {
                capacityFinish = now.plus(UNREACHABLE);
            } else if (!p.accepted()) {
                // Capped at a century, as the processing time is: storable, and infeasible all the same.
                Instant earliest = p.decision().earliestFinish();
                capacityFinish = earliest.isAfter(now.plus(CENTURY)) ? now.plus(CENTURY) : earliest;
            }
            steps.add(new ChainSchedule.Step(p.id(), p.supplier(), p.parentId(), p.processing(), p.transit(), capacityFinish, null));
        }
        return steps;
    }

    /** Processing time of the step: the longest BOM processing time, else production hours as elapsed time (none without profile). */
    private static Duration processing(CapacityProfile profile, OrderDecision decision, List<PlannedOrder.Line> lines) {
        Duration longest = Duration.ZERO;
        for (PlannedOrder.Line line : lines) {
            Optional<BillOfMaterials> bom = profile == null ? Optional.empty() : profile.bom(line.material());
            if (bom.isPresent() && bom.get().processingTime().compareTo(longest) > 0) {
                longest = bom.get().processingTime();
            }
        }
        if (!longest.isZero()) {
            return longest;
        }
        for (OrderDecision.ResourceCheck check : decision.resources()) {
            // Full shifts take whole days; the rest is worked in one go (6 h on an 8 h day: 6 h; 100 h: 12 days 4 h).
            double perDay = profile.resource(check.resource()).orElseThrow().hoursPerDay();
            long days = (long) Math.floor(check.hoursNeeded() / perDay + 1e-9);
            double rest = Math.max(0, check.hoursNeeded() - days * perDay);
            Duration d = Duration.ofDays(days).plusSeconds(Math.round(rest * 3600));
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        // Work beyond a century counts as a century: such a step is infeasible either way, and every planned instant
        // stays a timestamp both databases store (PostgreSQL's end at year 294276; 1e9 pieces at 1 an hour pass it).
        return longest.compareTo(CENTURY) > 0 ? CENTURY : longest;
    }

    private static PlannedOrder.Line convert(String material, BigDecimal quantity, UnitOfMeasure unit, Adjacency.Mapping mapping) {
        BigDecimal converted = new Quantity(quantity, unit).to(mapping.unit()).amount();
        return new PlannedOrder.Line(material, quantity, unit.code(), converted.setScale(Math.max(0, Math.min(6, converted.scale())), RoundingMode.HALF_UP)
                .stripTrailingZeros(), mapping.unit().code(), mapping.local());
    }
}
