package org.hanse.app.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.core.order.CapacityWindow;
import org.hanse.core.order.ChainSchedule;
import org.hanse.core.order.DeliveryWindow;
import org.springframework.stereotype.Component;

/**
 * Feasible proposals (RULES 3.5): a rejection proposes a window only after planning the order in it again (same backward
 * derivation, same instant) and finding it accepted and the chain feasible. The window starts no earlier than the chain's
 * earliest delivery from now. The proposal keeps the instant and the capacity basis it was verified on, so a resubmission
 * inside it is decided on that instant again while nobody's capacity changed — and is accepted, not missed by seconds.
 */
@Component
class Proposals {

    /** How often a candidate window is moved later before no window is proposed at all. */
    static final int ATTEMPTS = 6;
    /** The least a candidate moves when a verification fails without saying by how much. */
    static final Duration STEP = Duration.ofHours(1);

    private final ChainPlanner planner;
    private final CapacityStore capacity;

    Proposals(ChainPlanner planner, CapacityStore capacity) {
        this.planner = planner;
        this.capacity = capacity;
    }

    /**
     * Replaces the decision's proposed window by a verified one (or none, with a reason) and records its basis. The
     * first candidate is the offered window, moved so that it starts no earlier than the earliest delivery of the chain.
     */
    @SuppressWarnings("unchecked")
    void verify(Map<String, Object> decision, PlaceOrder order, PlannedOrder root, ChainSchedule.Result chain, Instant at) {
        Map<String, Object> offered = (Map<String, Object>) decision.get("proposedWindow");
        if (offered == null) {
            return;
        }
        DeliveryWindow candidate = new DeliveryWindow(Instant.parse((String) offered.get("earliest")), Instant.parse((String) offered.get("due")));
        Duration width = Duration.between(candidate.earliest(), candidate.due());
        Instant earliestDelivery = chain.timing(root.id()).ef().plus(root.transit());
        if (candidate.earliest().isBefore(earliestDelivery)) {
            candidate = new DeliveryWindow(earliestDelivery, earliestDelivery.plus(width));
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            PlannedOrder plan = planner.planRoot(order.inWindow(candidate.earliest(), candidate.due()), at);
            ChainSchedule.Result again = ChainSchedule.compute(ChainPlanner.steps(plan, at), candidate.due(), at);
            if (plan.accepted() && again.feasible()) {
                List<String> nodes = plan.flatten().stream().map(PlannedOrder::supplier).distinct().toList();
                Map<String, Object> basis = new LinkedHashMap<>();
                basis.put("computedAt", at.toString());
                basis.put("nodes", nodes);
                basis.put("capacity", capacity.basis(nodes, CapacityWindow.dateOf(at)));
                decision.put("proposedWindow", DecisionJson.window(candidate));
                decision.put("proposalBasis", basis);
                return;
            }
            candidate = later(candidate, plan, again);
        }
        decision.put("proposedWindow", null);
        List<Object> reasons = new ArrayList<>((List<Object>) decision.getOrDefault("reasons", List.of()));
        reasons.add("no proposal: no window verified feasible in " + ATTEMPTS + " attempts");
        decision.put("reasons", reasons);
    }

    /** The next candidate: past the capacity's earliest delivery, else later by the chain's shortfall (at least an hour). */
    private static DeliveryWindow later(DeliveryWindow w, PlannedOrder plan, ChainSchedule.Result chain) {
        Duration by = STEP;
        if (!plan.accepted() && plan.decision() != null && plan.decision().earliestFeasibleDelivery() != null
                && plan.decision().earliestFeasibleDelivery().isAfter(w.due())) {
            by = Duration.between(w.due(), plan.decision().earliestFeasibleDelivery());
        } else if (!chain.feasible() && chain.minSlack().negated().compareTo(by) > 0) {
            by = chain.minSlack().negated();
        }
        return new DeliveryWindow(w.earliest().plus(by), w.due().plus(by));
    }

    /**
     * The instant to decide a resubmission at: the proposal's own when the new window lies inside the proposed one and
     * the capacity basis of the nodes it was verified on is unchanged; otherwise empty (decide afresh, now).
     */
    @SuppressWarnings("unchecked")
    Optional<Instant> replayAt(Map<String, Object> oldDecision, PlaceOrder order) {
        Object window = oldDecision.get("proposedWindow");
        Object basis = oldDecision.get("proposalBasis");
        if (!(window instanceof Map<?, ?> w) || !(basis instanceof Map<?, ?> b)) {
            return Optional.empty();
        }
        Instant earliest = Instant.parse(String.valueOf(w.get("earliest")));
        Instant due = Instant.parse(String.valueOf(w.get("due")));
        if (order.earliest().isBefore(earliest) || order.due().isAfter(due)) {
            return Optional.empty();
        }
        Instant at = Instant.parse(String.valueOf(b.get("computedAt")));
        String now = capacity.basis((List<String>) b.get("nodes"), CapacityWindow.dateOf(at));
        return now.equals(b.get("capacity")) ? Optional.of(at) : Optional.empty();
    }
}
