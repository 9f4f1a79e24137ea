package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.app.messaging.Delivery;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.digest.Sha256;
import org.hanse.core.order.ChainSchedule;
import org.hanse.core.order.OrderEvent;
import org.hanse.core.order.OrderLifecycle;
import org.hanse.core.order.OrderState;
import org.hanse.core.order.Priority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A maker's planned component orders (RULES 3.5): list them, approve one (it is sent to its supplier now and decided
 * there like any order, at the supplier's capacity and stock of this moment) or discard it. Repeating either is harmless.
 */
@Service
class PlannedOrders {

    static final int LIST_LIMIT = 500;

    private final OrderRepository orders;
    private final OrderProgress progress;
    private final ChainPlanner planner;
    private final LinePrices prices;
    private final AcceptedTree tree;
    private final OrderAnnouncer announcer;
    private final OrderEvidence evidence;
    private final Clock clock;

    PlannedOrders(OrderRepository orders, OrderProgress progress, ChainPlanner planner, LinePrices prices, AcceptedTree tree,
                  OrderAnnouncer announcer, OrderEvidence evidence, Clock clock) {
        this.orders = orders;
        this.progress = progress;
        this.planner = planner;
        this.prices = prices;
        this.tree = tree;
        this.announcer = announcer;
        this.evidence = evidence;
        this.clock = clock;
    }

    List<PlannedOrderView> list(String node, Principal principal) {
        principal.requireSelfOrOperator(node);
        return orders.planned(node, LIST_LIMIT).stream().map(PlannedOrderView::of).toList();
    }

    /** Sends the planned order to its supplier, which decides it now; an order already sent is returned as it stands. */
    @Transactional
    PlannedOrderView approve(String node, String id, Principal principal) {
        StoredOrder o = own(node, id, principal);
        if (o.status() == OrderState.WITHDRAWN || o.status() == OrderState.CANCELLED) {
            progress.next(o, OrderEvent.APPROVE); // 409 naming the state: a discarded or cancelled order stays so
        }
        if (o.status() != OrderState.PLANNED) {
            return PlannedOrderView.of(o);
        }
        OrderState sent = progress.next(o, OrderEvent.APPROVE);
        Instant now = clock.instant();
        PlaceOrder request = request(o);
        PlannedOrder alone = prices.price(planner.planRoot(request, now), request, now);
        List<ChainSchedule.Step> steps = ChainPlanner.steps(alone, now);
        ChainSchedule.Result own = ChainSchedule.compute(steps, o.due(), now);
        PlannedOrder top = alone.under(o.parentId());
        List<String> above = above(o);
        Set<String> placed;
        if (alone.accepted() && own.feasible()) {
            placed = tree.store(top, o.rootId(), o.contentHash(), o.revision(), above, true, now);
        } else {
            Map<String, Object> decision = alone.accepted()
                    ? DecisionJson.chainRejected(alone.decision(), own, alone.window()) : DecisionJson.of(alone.decision());
            orders.decide(o.id(), OrderLifecycle.next(sent, OrderEvent.DECIDED_REJECT), decision, alone.decision().urgency(), now);
            announcer.announce(top, decision, above, Delivery.FEED, now);
            placed = Set.of(o.id());
        }
        mergeChain(o, steps, placed, now);
        // Last: the ledger's head stays locked until commit.
        placed.forEach(evidence::recordPlaced);
        return PlannedOrderView.of(orders.find(o.id()).orElseThrow());
    }

    /** The maker will not order it: WITHDRAWN, its supplier never told. */
    @Transactional
    PlannedOrderView discard(String node, String id, Principal principal) {
        StoredOrder o = own(node, id, principal);
        if (o.status() == OrderState.WITHDRAWN) {
            return PlannedOrderView.of(o);
        }
        if (o.status() != OrderState.PLANNED) {
            throw new ConflictException("order " + o.id() + " is " + o.status() + "; only a planned order can be discarded");
        }
        progress.move(o, progress.next(o, OrderEvent.WITHDRAW), clock.instant(), false);
        return PlannedOrderView.of(orders.find(o.id()).orElseThrow());
    }

    /** The maker's component order, locked; 404 for anything else, so other orders cannot be probed. */
    private StoredOrder own(String node, String id, Principal principal) {
        if (!principal.isNode(node)) {
            throw new ForbiddenException("only " + node + " approves or discards its planned orders");
        }
        return orders.lock(id).filter(o -> o.buyer().equals(node) && o.parentId() != null)
                .orElseThrow(() -> new NotFoundException("node " + node + " has no planned order " + id));
    }

    /** The stored component order as a request of its maker: same lines, window, batch and priority. */
    private static PlaceOrder request(StoredOrder o) {
        List<PlaceOrder.RequestedLine> lines = o.lines().stream().map(l -> new PlaceOrder.RequestedLine(String.valueOf(l.get("material")),
                new BigDecimal(String.valueOf(l.get("quantity"))), UnitOfMeasure.ofCode(String.valueOf(l.get("unit"))).orElseThrow(), null))
                .toList();
        return new PlaceOrder(o.id(), o.buyer(), o.supplier(), lines, o.earliest(), o.due(), new BigDecimal(o.batchMinimum()),
                new BigDecimal(o.batchMultiple()), Priority.valueOf(o.priority()));
    }

    /** The nodes after {@code o} in its chain: the buyers of the orders above it, nearest first. */
    private List<String> above(StoredOrder o) {
        List<String> above = new ArrayList<>();
        String parent = o.parentId();
        while (parent != null) {
            StoredOrder p = orders.find(parent).orElseThrow();
            above.add(p.buyer());
            parent = p.parentId();
        }
        return above;
    }

    /**
     * The root's chain with the approved order's step and sub-tree replaced by what its supplier planned now (the steps
     * planned with the maker's order for it are dropped), scheduled again from now.
     */
    private void mergeChain(StoredOrder o, List<ChainSchedule.Step> fresh, Set<String> placedNow, Instant now) {
        List<OrderRepository.StoredStep> stored = orders.chain(o.rootId());
        Map<String, String> parentOf = new HashMap<>();
        stored.forEach(s -> parentOf.put(s.step().key(), s.step().parentKey()));
        Set<String> stale = new HashSet<>();
        for (OrderRepository.StoredStep s : stored) {
            for (String k = s.step().key(); k != null; k = parentOf.get(k)) {
                if (k.equals(o.id())) {
                    stale.add(s.step().key());
                    break;
                }
            }
        }
        List<ChainSchedule.Step> steps = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (OrderRepository.StoredStep s : stored) {
            if (!stale.contains(s.step().key())) {
                steps.add(s.step());
                if (s.placed()) {
                    placed.add(s.step().key());
                }
            }
        }
        for (ChainSchedule.Step s : fresh) {
            steps.add(s.parentKey() == null ? new ChainSchedule.Step(s.key(), s.node(), o.parentId(), s.processing(),
                    s.transitToParent(), s.capacityEarliestFinish(), s.actualFinish()) : s);
        }
        placed.addAll(placedNow);
        StoredOrder root = orders.find(o.rootId()).orElseThrow();
        orders.replaceChain(o.rootId(), steps, ChainSchedule.compute(steps, root.due(), now), placed);
    }
}
