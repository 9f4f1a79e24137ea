package org.hanse.app.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hanse.app.messaging.Delivery;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.OwnedId;
import org.hanse.core.order.Batch;
import org.hanse.core.order.CapacityProfile;
import org.hanse.core.order.CapacityWindow;
import org.hanse.core.order.ChainSchedule;
import org.hanse.core.order.DeliveryWindow;
import org.hanse.core.order.OrderDecision;
import org.hanse.core.order.OrderEvent;
import org.hanse.core.order.OrderLifecycle;
import org.hanse.core.order.OrderState;
import org.hanse.core.order.OrderLine;
import org.hanse.core.order.OrderRule;
import org.hanse.core.order.Outcome;
import org.hanse.core.order.Priority;
import org.hanse.core.order.ResourceLoad;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order life cycle: place (decide at once, explode, schedule the chain), override, resubmit, withdraw,
 * confirm with a receipt (reconstructing later nodes beyond tolerance) and keep every party informed by events.
 */
@Service
class Orders {

    private final OrderEvidence evidence;
    private final OrderProgress progress;
    private final OrderRepository orders;
    private final CapacityStore capacity;
    private final CapacityDisplacement planner;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final org.hanse.app.parameters.NetworkParameterSource parameters;
    private final Proposals proposals;
    private final LinePrices prices;
    private final OrderAnnouncer announcer;
    private final AcceptedTree tree;

    Orders(OrderRepository orders, CapacityStore capacity, CapacityDisplacement planner, Adjacency adjacency, NodeEvents events,
           JsonMapper json, Clock clock, org.hanse.app.parameters.NetworkParameterSource parameters, OrderEvidence evidence,
           OrderProgress progress, Proposals proposals, LinePrices prices,
           OrderAnnouncer announcer, AcceptedTree tree) {
        this.announcer = announcer;
        this.tree = tree;
        this.proposals = proposals;
        this.prices = prices;
        this.orders = orders;
        this.progress = progress;
        this.evidence = evidence;
        this.capacity = capacity;
        this.planner = planner;
        this.adjacency = adjacency;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.parameters = parameters;
    }

    /** The stored order and whether this call repeated an earlier identical one. */
    record Result(StoredOrder order, boolean replay) {
    }

    @Transactional
    Result place(Object body, Principal principal) {
        String buyer = principal.requireNode();
        if (body instanceof Map<?, ?> map && map.get("buyer") != null && !buyer.equals(map.get("buyer"))) {
            throw new ForbiddenException("a node places orders only as itself, not as " + map.get("buyer"));
        }
        PlaceOrder order = OrderRequestReader.read(body, buyer).orElseThrow();
        String hash = Sha256.hex(json.writeValueAsString(order.content()));
        List<StoredOrder> stored = orders.byKeys(OwnedId.candidates(buyer, order.id()), false);
        var existing = OwnedId.own(buyer, order.id(), stored, StoredOrder::id, StoredOrder::buyer);
        if (existing.isPresent()) {
            if (existing.get().contentHash().equals(hash)) {
                return new Result(existing.get(), true);
            }
            throw new ConflictException("order " + order.id() + " already exists with other content");
        }
        // Another buyer's order under the same id stays invisible: this one is stored as buyer@id.
        boolean taken = stored.stream().anyMatch(o -> o.id().equals(order.id()));
        return new Result(decideAndStore(order.withId(OwnedId.keyFor(buyer, order.id(), taken)), hash, 1), false);
    }

    private StoredOrder decideAndStore(PlaceOrder order, String hash, int revision) {
        return decideAndStore(order, hash, revision, clock.instant());
    }

    /** Decides and schedules at {@code planAt} (now, or the instant a still-valid proposal was verified at). */
    private StoredOrder decideAndStore(PlaceOrder order, String hash, int revision, Instant planAt) {
        Instant now = clock.instant();
        PlannedOrder root = prices.price(planner.planRoot(order, planAt), order, planAt);
        List<ChainSchedule.Step> steps = ChainPlanner.steps(root, planAt);
        ChainSchedule.Result chain = ChainSchedule.compute(steps, root.window().due(), planAt);
        if (!root.accepted() || !chain.feasible()) {
            Map<String, Object> decision = root.accepted()
                    ? DecisionJson.chainRejected(root.decision(), chain, root.window())
                    : DecisionJson.of(root.decision());
            proposals.verify(decision, order, root, chain, planAt);
            orders.insert(root, root.id(), OrderLifecycle.next(OrderState.PLACED, OrderEvent.DECIDED_REJECT), decision, hash, revision, now);
            orders.insertChain(root.id(), steps, chain, Set.of(root.id()));
            announcer.announce(root, decision, List.of(), Delivery.FEED, now);
            evidence.recordPlaced(root.id());
            return orders.find(root.id()).orElseThrow();
        }
        // Component orders of a maker that has not opted into automatic placement wait for its approval (PlannedOrders).
        Set<String> placed = tree.store(root, root.id(), hash, revision, List.of(), false, now);
        orders.insertChain(root.id(), steps, chain, placed);
        // Last: the ledger's head stays locked until commit, so no other lock is taken after it.
        placed.forEach(evidence::recordPlaced);
        return orders.find(root.id()).orElseThrow();
    }

    StoredOrder read(String id, Principal principal) {
        return resolve(id, principal, false);
    }

    /**
     * The order {@code given} names for the caller (OwnedId: its own first, then one it is a party of); an order the
     * caller takes no part in answers 404 exactly like one that does not exist, so ids cannot be probed.
     */
    private StoredOrder resolve(String given, Principal principal, boolean lock) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        List<StoredOrder> rows = orders.byKeys(OwnedId.candidates(caller, given), lock);
        return OwnedId.pick(caller, given, rows, StoredOrder::id, StoredOrder::buyer,
                        // A component order never sent: its supplier does not see it.
                        o -> caller == null || (o.isParty(caller) && (o.sent() || caller.equals(o.buyer()))))
                .orElseThrow(() -> new NotFoundException("order " + given + " does not exist"));
    }

    List<StoredOrder> list(String role, int limit, Principal principal) {
        if (!OrderJson.ROLES.contains(role)) {
            throw new InvalidInputException("role", "must be buyer, supplier or any");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be a whole number from 1 to 500");
        }
        return orders.of(principal.requireNode(), role, limit);
    }

    Map<String, Object> chain(String id, Principal principal) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        List<StoredOrder> rows = orders.byKeys(OwnedId.candidates(caller, id), false);
        // Any party of the chain may read it; to everyone else the order does not exist.
        StoredOrder order = OwnedId.pick(caller, id, rows, StoredOrder::id, StoredOrder::buyer,
                        o -> caller == null || OrderJson.anyParty(orders.inChain(o.rootId()), caller))
                .orElseThrow(() -> new NotFoundException("order " + id + " does not exist"));
        List<StoredOrder> all = orders.inChain(order.rootId());
        Map<String, StoredOrder> byId = all.stream().collect(Collectors.toMap(StoredOrder::id, o -> o));
        return OrderJson.chain(order.rootId(), orders.chain(order.rootId()), byId);
    }

    /** The supplier overrides its decision within its response timeout; recorded with who and why. */
    @Transactional
    StoredOrder override(String given, String decision, String reason, Principal principal) {
        String node = principal.requireNode();
        StoredOrder order = resolve(given, principal, true);
        String id = order.id();
        if (!order.supplier().equals(node)) {
            throw new ForbiddenException("only the supplier of an order may override its decision");
        }
        List<org.hanse.core.validation.Problem> problems = new ArrayList<>();
        if (!"ACCEPT".equals(decision) && !"REJECT".equals(decision)) {
            problems.add(new org.hanse.core.validation.Problem("decision", "must be ACCEPT or REJECT"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.add(new org.hanse.core.validation.Problem("reason", "is required, at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Instant closes = order.decidedAt().plus(adjacency.responseTimeout(node).silenceLimit());
        if (now.isAfter(closes)) {
            throw new ConflictException("the override window closed at " + closes + " (the supplier's response timeout)");
        }
        Map<String, Object> updated = new LinkedHashMap<>(order.decision());
        updated.put("overriddenOutcome", order.outcome());
        String outcome;
        OrderState status;
        if ("ACCEPT".equals(decision)) {
            status = progress.next(order, OrderEvent.OVERRIDE_ACCEPT);
            double thetaU = parameters.parameters().ordering().thetaU();
            // Only what the supplier declares capacity for is reserved; an accept forced from stock reserves no hours.
            Optional<CapacityProfile> profile = capacity.lockProfile(node)
                    .filter(p -> request(order).lines().stream().allMatch(l -> p.capability(l.material()).isPresent()));
            if (profile.isPresent()) {
                Map<String, ResourceLoad> loads = capacity.loads(node, CapacityWindow.dateOf(now));
                OrderDecision again = OrderRule.decide(request(order), profile.get(), loads, capacity.wip(node), now, thetaU);
                capacity.reserve(id, node, OrderRule.reserve(again, profile.get(), loads, now));
            }
            outcome = order.urgency() >= thetaU ? Outcome.ACCEPTED_COLLABORATIVE.name() : Outcome.ACCEPTED_ROUTINE.name();
        } else {
            // Refused once goods have left (the state names where the order stands): the supplier cannot take them back.
            status = progress.next(order, OrderEvent.OVERRIDE_REJECT);
            capacity.release(id);
            outcome = Outcome.REJECTED.name();
            // Its own component orders are no longer needed: cancelled where nothing has left yet.
            progress.cascade(order, OrderEvent.CANCEL, now);
        }
        updated.put("outcome", outcome);
        orders.override(id, status, outcome, updated, node, reason, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order", id);
        payload.put("decision", updated);
        payload.put("override", Map.of("by", node, "reason", reason));
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.ORDER_RESPONSE, node, List.of(order.buyer()), now, payload));
        evidence.recordOverride(id);
        return orders.find(id).orElseThrow();
    }

    /** The buyer resubmits a rejected order in a new window (typically the proposed one): decided afresh as the next revision. */
    @Transactional
    Result resubmit(String given, Object body, Principal principal) {
        String buyer = principal.requireNode();
        StoredOrder old = resolve(given, principal, true);
        String id = old.id();
        if (!old.buyer().equals(buyer)) {
            throw new ForbiddenException("only the buyer of an order may resubmit it");
        }
        if (old.status() != OrderState.REJECTED || old.parentId() != null) {
            throw new ConflictException("only a rejected order placed by a buyer can be resubmitted; order " + id + " is " + old.status());
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", "resubmitted");
        content.put("supplier", old.supplier());
        content.put("lines", old.lines().stream().map(l -> Map.of("material", l.get("material"), "quantity", String.valueOf(l.get("quantity")),
                "unit", l.get("unit"))).toList());
        content.put("batch", Map.of("minimum", old.batchMinimum(), "multiple", old.batchMultiple()));
        content.put("priority", old.priority());
        if (!(body instanceof Map<?, ?> window)) {
            throw new InvalidInputException("", "must be an object with earliest and due");
        }
        content.put("earliest", window.get("earliest"));
        content.put("due", window.get("due"));
        PlaceOrder order = OrderRequestReader.read(content, buyer).orElseThrow().withId(id);
        // Inside a proposal whose capacity basis still holds, decide as when it was verified: the offer stands.
        Instant planAt = proposals.replayAt(old.decision(), order).orElseGet(clock::instant);
        orders.delete(id);
        orders.deleteChain(id);
        return new Result(decideAndStore(order, Sha256.hex(json.writeValueAsString(order.content())), old.revision() + 1, planAt), false);
    }

    /** The buyer withdraws its order: the whole chain below it is released. */
    @Transactional
    StoredOrder withdraw(String given, Principal principal) {
        String buyer = principal.requireNode();
        StoredOrder order = resolve(given, principal, true);
        String id = order.id();
        if (!order.buyer().equals(buyer) || order.parentId() != null) {
            throw new ForbiddenException("only the buyer who placed an order may withdraw it");
        }
        if (order.status() == OrderState.WITHDRAWN) {
            return order;
        }
        OrderState next = progress.next(order, OrderEvent.WITHDRAW);
        Instant now = clock.instant();
        progress.move(order, next, now, true);
        // Component orders whose goods have not left are cancelled with it; shipped ones stay and are delivered.
        progress.cascade(order, OrderEvent.CANCEL, now);
        return orders.find(id).orElseThrow();
    }

    /**
     * Moves an open order to another supplier (substitution after an exit): a buyer's order is withdrawn with its whole
     * chain and placed again with the new supplier — same lines and window, decided and scheduled afresh; a component
     * order is withdrawn and its buyer orders the same lines from the new supplier directly. If the new supplier rejects,
     * the buyer at the top of the chain is told its due date is at risk, with the reason. Empty when the order is no
     * longer open.
     */
    @Transactional
    Optional<StoredOrder> reissue(String id, String newSupplier, String reason) {
        StoredOrder old = orders.lock(id).orElseThrow(() -> new NotFoundException("order " + id + " does not exist"));
        if (old.status() != OrderState.CONFIRMED) {
            // Only an order whose goods have not left moves to another supplier.
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (old.parentId() == null) {
            withdraw(id, Principal.node(old.buyer()));
        } else {
            progress.move(old, OrderLifecycle.next(old.status(), OrderEvent.WITHDRAW), now, false);
            progress.cascade(old, OrderEvent.CANCEL, now);
        }
        String newId = id + "-s";
        for (int n = 2; orders.find(newId).isPresent(); n++) {
            newId = id + "-s" + n;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", "reissued");
        content.put("supplier", newSupplier);
        content.put("lines", old.lines().stream().map(l -> Map.of("material", l.get("material"), "quantity", String.valueOf(l.get("quantity")),
                "unit", l.get("unit"))).toList());
        content.put("batch", Map.of("minimum", old.batchMinimum(), "multiple", old.batchMultiple()));
        content.put("priority", old.priority());
        content.put("earliest", (old.earliest().isBefore(now) ? now : old.earliest()).toString());
        content.put("due", (old.due().isBefore(now) ? now.plus(java.time.Duration.ofDays(1)) : old.due()).toString());
        PlaceOrder order = OrderRequestReader.read(content, old.buyer()).orElseThrow().withId(newId);
        StoredOrder placed = decideAndStore(order, Sha256.hex(json.writeValueAsString(order.content())), 1);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.ORDER_STATUS, newSupplier,
                List.of(old.buyer()), now, Map.of("order", id, "status", "SUBSTITUTED", "replacement", newId, "supplier", newSupplier, "reason", reason)));
        if (placed.status() != OrderState.CONFIRMED) {
            StoredOrder top = orders.find(old.rootId()).orElse(old);
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.DUE_DATE_AT_RISK, newSupplier, List.of(top.buyer()), now,
                    Map.of("order", top.id(), "replacement", newId, "reason", reason + "; the substitute " + newSupplier
                            + " cannot meet the window: " + placed.decision().getOrDefault("reasons", List.of()))));
        }
        return Optional.of(placed);
    }

    /**
     * The supplier confirms completion. Deviation δ = actual − planned finish; tolerance = max(2 h, ½ slack of the
     * next node). Beyond it the later nodes are rescheduled (SEQUENCE_RECONSTRUCTED) and, if any slack turns
     * negative, warned (DUE_DATE_AT_RISK).
     */
    @Transactional
    Map<String, Object> receipt(String given, Object body, Principal principal) {
        String node = principal.requireNode();
        StoredOrder order = resolve(given, principal, true);
        String id = order.id();
        if (!order.supplier().equals(node)) {
            throw new ForbiddenException("only the supplier of an order confirms its completion");
        }
        if (!(body instanceof Map<?, ?> map) || map.get("actualFinish") == null) {
            throw new InvalidInputException("actualFinish", "is required: an ISO 8601 instant such as 2026-12-04T10:00:00Z");
        }
        Instant actual;
        try {
            actual = Instant.parse(String.valueOf(map.get("actualFinish")));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("actualFinish", "must be an ISO 8601 instant such as 2026-12-04T10:00:00Z");
        }
        Instant now = clock.instant();
        if (actual.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("actualFinish", "must not lie in the future");
        }
        Object quantity = map.get("quantity");
        var existing = orders.receipt(id);
        if (existing.isPresent()) {
            if (existing.get().get("actualFinish").equals(actual.toString())) {
                return existing.get();
            }
            throw new ConflictException("order " + id + " already has a receipt with another finish");
        }
        OrderState confirmed = progress.next(order, OrderEvent.COMPLETION_CONFIRMED);
        List<OrderRepository.StoredStep> stored = orders.chain(order.rootId());
        OrderRepository.StoredStep mine = stored.stream().filter(s -> s.step().key().equals(id)).findFirst().orElseThrow();
        OrderRepository.StoredStep next = stored.stream().filter(s -> s.step().key().equals(mine.step().parentKey())).findFirst().orElse(mine);
        Duration deviation = ChainSchedule.deviation(actual, mine.timing().ef());
        Duration tolerance = ChainSchedule.tolerance(next.timing().slack());
        boolean beyond = ChainSchedule.beyondTolerance(deviation, tolerance);

        StoredOrder root = orders.find(order.rootId()).orElseThrow();
        List<ChainSchedule.Step> steps = stored.stream()
                .map(s -> s.step().key().equals(id) ? s.step().withActualFinish(actual) : s.step()).toList();
        Set<String> placed = stored.stream().filter(OrderRepository.StoredStep::placed).map(s -> s.step().key()).collect(Collectors.toSet());
        ChainSchedule.Result rebuilt = ChainSchedule.compute(steps, root.due(), root.placedAt());
        if (beyond) {
            orders.replaceChain(order.rootId(), steps, rebuilt, placed);
        } else {
            // Within tolerance the later nodes keep their windows; only the actual finish is recorded.
            ChainSchedule.Result kept = new ChainSchedule.Result(stored.stream().map(OrderRepository.StoredStep::timing).toList(), true, null);
            orders.replaceChain(order.rootId(), steps, kept, placed);
        }
        orders.insertReceipt(id, actual, quantity, deviation, tolerance, beyond, node, now);
        orders.setStatus(id, confirmed);
        capacity.release(id);

        List<String> later = laterNodes(stored, id, root.buyer());
        announcer.status(id, order.buyer(), node, new ArrayList<>(new LinkedHashSet<>(concat(order.buyer(), later))), confirmed.name(),
                Delivery.REAL_TIME, now);
        if (beyond && !later.isEmpty()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("root", order.rootId());
            payload.put("order", id);
            payload.put("deviation", deviation.toString());
            payload.put("tolerance", tolerance.toString());
            payload.put("steps", rebuilt.timings().stream().map(t -> Map.of("order", t.key(), "node", t.node(),
                    "es", t.es().toString(), "ls", t.ls().toString(), "slack", t.slack().toString())).toList());
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SEQUENCE_RECONSTRUCTED, node, later, now, payload));
            if (!rebuilt.feasible()) {
                Map<String, Object> risk = new LinkedHashMap<>();
                risk.put("root", order.rootId());
                risk.put("due", root.due().toString());
                risk.put("slack", rebuilt.minSlack().toString());
                risk.put("bottleneck", rebuilt.bottleneck().node());
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.DUE_DATE_AT_RISK, node, later, now, risk));
            }
        }
        return orders.receipt(id).orElseThrow();
    }

    /** Nodes after the given step in its chain: the suppliers of its ancestors and the end buyer. */
    private static List<String> laterNodes(List<OrderRepository.StoredStep> steps, String key, String endBuyer) {
        Map<String, OrderRepository.StoredStep> byKey = steps.stream().collect(Collectors.toMap(s -> s.step().key(), s -> s));
        List<String> later = new ArrayList<>();
        String parent = byKey.get(key).step().parentKey();
        while (parent != null) {
            later.add(byKey.get(parent).step().node());
            parent = byKey.get(parent).step().parentKey();
        }
        later.add(endBuyer);
        return later.stream().distinct().toList();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static OrderRule.Request request(StoredOrder o) {
        List<OrderLine> lines = o.lines().stream()
                .map(l -> new OrderLine((String) l.get("material"), Double.parseDouble(String.valueOf(l.get("supplierQuantity"))))).toList();
        return new OrderRule.Request(lines, new DeliveryWindow(o.earliest(), o.due()),
                new Batch(Double.parseDouble(o.batchMinimum()), Double.parseDouble(o.batchMultiple())), Priority.valueOf(o.priority()), o.transit());
    }
}
