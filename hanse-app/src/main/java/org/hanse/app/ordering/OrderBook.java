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
    private final Orders service;
    private final CapacityStore capacity;
    private final OrderProgress progress;
    private final AvailableStock available;
    private final OrderEvidence evidence;

    OrderBook(OrderRepository orders, @org.springframework.context.annotation.Lazy Orders service, CapacityStore capacity,
              OrderProgress progress, @org.springframework.context.annotation.Lazy AvailableStock available, OrderEvidence evidence) {
        this.orders = orders;
        this.evidence = evidence;
        this.available = available;
        this.progress = progress;
        this.service = service;
        this.capacity = capacity;
    }

    /** An order as a lender's evidence view shows it: parties, state, decision outcome, window and ledger reference. */
    public record OrderRecord(String id, String buyer, String supplier, String status, String outcome, Instant placedAt, Instant earliest,
                              Instant due, Map<String, Object> ledger) {
    }

    /** The node's newest orders as buyer or supplier, each with its ledger reference (null when not recorded). */
    public List<OrderRecord> recordsOf(String node, int limit) {
        return orders.of(node, "any", limit).stream().map(o -> new OrderRecord(o.id(), o.buyer(), o.supplier(), o.status().name(),
                o.outcome(), o.placedAt(), o.earliest(), o.due(), evidence.reference(o).orElse(null))).toList();
    }

    /** One order as {@link #recordsOf} shows it. */
    public Optional<OrderRecord> record(String orderId) {
        return orders.find(orderId).map(o -> new OrderRecord(o.id(), o.buyer(), o.supplier(), o.status().name(), o.outcome(), o.placedAt(),
                o.earliest(), o.due(), evidence.reference(o).orElse(null)));
    }

    /** Stock the supplier promised (allocated at decision) to its other orders and has not shipped on them yet. */
    public double allocatedToOthers(String supplier, String material, String order) {
        return available.allocatedToOthers(supplier, material, order);
    }

    /** How much a pair traded in a window: orders placed (open or completed) and their quantity in the supplier's units. */
    public record PairVolume(int orders, double quantity) {
    }

    public PairVolume pairVolume(String buyer, String supplier, Instant since) {
        List<OrderRepository.WithFinish> placed = orders.placedBetween(buyer, supplier, since);
        double q = placed.stream().flatMap(o -> o.order().lines().stream())
                .mapToDouble(l -> Double.parseDouble(String.valueOf(l.get("supplierQuantity")))).sum();
        return new PairVolume(placed.size(), q);
    }

    /** The unit price (per the supplier's unit) of the order's line of {@code material}, when the line was priced. */
    public Optional<org.hanse.core.payment.Prices.Price> linePrice(String order, String material) {
        return orders.find(order).flatMap(o -> o.lines().stream()
                .filter(l -> material.equals(l.get("material")) && l.get("unitPrice") != null && l.get("currency") != null).findFirst())
                .map(l -> new org.hanse.core.payment.Prices.Price(new java.math.BigDecimal(l.get("unitPrice").toString()),
                        java.util.Currency.getInstance(l.get("currency").toString())));
    }

    /**
     * The money value of each order a pair placed in a window (open or completed) with its order date (UTC); orders
     * without a known value (unpriced lines) are left out: they add nothing to the pair's amount.
     */
    public List<org.hanse.core.relation.Density.Valued> pairValues(String buyer, String supplier, Instant since) {
        return orders.placedBetween(buyer, supplier, since).stream()
                .flatMap(o -> LinePrices.value(o.order().lines()).map(v -> new org.hanse.core.relation.Density.Valued(v,
                        java.time.LocalDate.ofInstant(o.order().placedAt(), java.time.ZoneOffset.UTC))).stream())
                .toList();
    }

    /** Share of declared hours still free over the next {@code days} days (0 without a declaration): φ_s of RULES 3.2. */
    public double spareCapacityRatio(String node, Instant now, int days) {
        return capacity.profile(node).map(p -> {
            java.time.LocalDate from = org.hanse.core.order.CapacityWindow.dateOf(now);
            java.time.LocalDate to = from.plusDays(days - 1L);
            Map<String, org.hanse.core.order.ResourceLoad> loads = capacity.loads(node, from);
            double total = 0;
            double committed = 0;
            for (org.hanse.core.order.ProductionResource r : p.resources()) {
                total += org.hanse.core.order.CapacityWindow.totalHours(r, p.calendar(), from, to);
                committed += org.hanse.core.order.CapacityWindow.committedHours(loads.getOrDefault(r.id(), org.hanse.core.order.ResourceLoad.EMPTY),
                        p.calendar(), from, to);
            }
            return total <= 0 ? 0.0 : Math.max(0, Math.min(1, (total - committed) / total));
        }).orElse(0.0);
    }

    /** Committed hours per day of one resource over the next {@code days} days (accepted orders), as a mean. */
    public double committedHoursPerDay(String node, String resource, Instant now, int days) {
        java.time.LocalDate from = org.hanse.core.order.CapacityWindow.dateOf(now);
        org.hanse.core.order.ResourceLoad load = capacity.loads(node, from).getOrDefault(resource, org.hanse.core.order.ResourceLoad.EMPTY);
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum += load.on(from.plusDays(d));
        }
        return sum / days;
    }

    /** Quantity each supplier sold the buyer of the material since {@code since} (for supplier shares). */
    public Map<String, Double> suppliedTo(String buyer, String material, Instant since) {
        Map<String, Double> bySupplier = new java.util.TreeMap<>();
        for (OrderRepository.WithFinish o : orders.placedBy(buyer, since)) {
            o.order().lines().stream().filter(l -> material.equals(l.get("material")))
                    .forEach(l -> bySupplier.merge(o.order().supplier(), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))), Double::sum));
        }
        return bySupplier;
    }

    /** Mean slack of the supplier's chain step and mean lead time (due − placed) of each pair's recent orders, in days,
     * keyed "buyer&gt;supplier" — for τ of RULES 3.4. */
    public Map<String, double[]> slackAndLeadDaysAll(Instant since) {
        return orders.slackAndLeadAll(since);
    }

    /** Per buyer, the quantity it ordered on each of the last {@code days} days (oldest first), from one query. */
    public Map<String, double[]> dailyOrderedAll(Instant now, int days) {
        Map<String, double[]> out = new java.util.HashMap<>();
        java.time.LocalDate today = org.hanse.core.order.CapacityWindow.dateOf(now);
        orders.placedSince(now.minus(java.time.Duration.ofDays(days)), row -> {
            int i = (int) (org.hanse.core.order.CapacityWindow.dateOf((Instant) row[1]).toEpochDay() - today.toEpochDay() + days - 1);
            if (i < 0 || i >= days) {
                return;
            }
            out.computeIfAbsent((String) row[0], k -> new double[days])[i] += (double) row[2];
        });
        return out;
    }


    /** A node's declared capacity (resources with equipment and parameter ranges, what it makes), if any. */
    public Optional<org.hanse.core.order.CapacityProfile> capacityOf(String node) {
        return capacity.profile(node);
    }

    /** Every node with a capacity declaration. */
    public List<String> declaredNodes() {
        return capacity.declaredNodes();
    }

    /** Nodes that declare capacity for the material (capability matching, RULES 3.3). */
    public List<String> nodesMaking(String material) {
        return capacity.declaredNodes().stream()
                .filter(n -> capacity.profile(n).flatMap(p -> p.capability(material)).isPresent()).sorted().toList();
    }

    /**
     * The node's own capacity rule on a request (quantity in its unit, delivery by {@code due}): would it accept now?
     * Empty when it declares no capacity for the material (it decides by hand).
     */
    public Optional<Boolean> capacityAllows(String node, String material, double quantity, Instant due, Instant now) {
        return capacity.profile(node).filter(p -> p.capability(material).isPresent()).map(p -> org.hanse.core.order.OrderRule.decide(
                new org.hanse.core.order.OrderRule.Request(List.of(new org.hanse.core.order.OrderLine(material, quantity)),
                        new org.hanse.core.order.DeliveryWindow(now, due), org.hanse.core.order.Batch.ANY, org.hanse.core.order.Priority.NORMAL,
                        java.time.Duration.ZERO),
                p, capacity.loads(node, org.hanse.core.order.CapacityWindow.dateOf(now)), capacity.wip(node), now,
                org.hanse.core.order.OrderRule.DEFAULT_THETA_U).outcome().accepted());
    }

    /** Open orders the node must deliver, with their facts (any material). */
    public List<OrderFacts> openAsSupplier(String node) {
        return orders.openWhere("supplier_id", node).stream().map(o -> facts(o.id()).orElseThrow()).toList();
    }

    /** Open orders that were due before {@code now} (their delivery is overdue unless shipped and delivered). */
    public List<OrderFacts> overdue(Instant now) {
        return orders.openDueBefore(now).stream().map(o -> facts(o.id()).orElseThrow()).toList();
    }

    /** The placement times of the pair's orders (for its transaction cycle). */
    public List<Instant> placedBetween(String buyer, String supplier) {
        return orders.placedBetween(buyer, supplier, Instant.EPOCH).stream().map(o -> o.order().placedAt()).toList();
    }

    /** Moves an open order to a new supplier (see Orders#reissue); the new order's id and status, if it was still open. */
    public Optional<OrderFacts> reissue(String orderId, String newSupplier, String reason) {
        return service.reissue(orderId, newSupplier, reason).map(o -> facts(o.id()).orElseThrow());
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

    /**
     * An order's parties, life-cycle state ({@link org.hanse.core.order.OrderState} name), quantities per material (in the
     * supplier's unit), when it was placed and its delivery window [earliest, due].
     */
    public record OrderFacts(String id, String buyer, String supplier, String status, Map<String, Double> quantities, Instant placedAt, Instant due,
                             Instant earliest) {
    }

    /** 409 naming the order's state unless a logistics unit may be created against it now (the caller's transaction). */
    public void requireShippable(String orderId) {
        progress.requireShippable(orderId);
    }

    /**
     * A goods milestone of the order's logistics units (the caller's transaction): {@code reached} is the quantity per
     * material of all its units that reached it so far. Moves the order (e.g. SHIPPED for all of it); 409 naming the
     * state when the milestone is not allowed in it — a rejected or withdrawn order ships nothing. The new state's name.
     */
    public String goodsReached(String orderId, org.hanse.core.payment.Milestone milestone, Map<String, Double> reached) {
        return progress.goods(orderId, milestone, reached).name();
    }

    /** Payments reports the order's accepted goods fully paid: CLOSED when delivered (true), else nothing changes. */
    public boolean fullyPaid(String orderId) {
        return progress.fullyPaid(orderId);
    }

    /** Whether the buyer has an order of the material with one of its suppliers that was not rejected, withdrawn or cancelled. */
    public boolean hasPurchase(String buyer, String material) {
        return orders.placedBy(buyer, Instant.EPOCH).stream()
                .anyMatch(o -> o.order().lines().stream().anyMatch(l -> material.equals(l.get("material"))));
    }

    public Optional<OrderFacts> facts(String orderId) {
        return orders.find(orderId).map(o -> {
            Map<String, Double> q = new java.util.LinkedHashMap<>();
            o.lines().forEach(l -> q.merge((String) l.get("material"), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))), Double::sum));
            return new OrderFacts(o.id(), o.buyer(), o.supplier(), o.status().name(), q, o.placedAt(), o.due(), o.earliest());
        });
    }

    /** The facts of the order {@code given} names for {@code caller} (OwnedId), if the caller is one of its parties. */
    public Optional<OrderFacts> factsFor(String caller, String given) {
        return org.hanse.core.node.OwnedId.pick(caller, given, orders.byKeys(org.hanse.core.node.OwnedId.candidates(caller, given), false),
                StoredOrder::id, StoredOrder::buyer, o -> o.isParty(caller)).flatMap(o -> facts(o.id()));
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
