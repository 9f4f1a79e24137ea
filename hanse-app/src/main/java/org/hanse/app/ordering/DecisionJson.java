package org.hanse.app.ordering;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.core.order.ChainSchedule;
import org.hanse.core.order.DeliveryWindow;
import org.hanse.core.order.OrderDecision;

/** The stored and shown form of a decision: the outcome with everything it was based on. */
final class DecisionJson {

    private DecisionJson() {
    }

    static Map<String, Object> of(OrderDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", d.outcome().name());
        m.put("urgency", round(d.urgency()));
        m.put("requiredHours", round(d.required().toSeconds() / 3600.0));
        m.put("latestFinish", d.latestFinish().toString());
        m.put("wip", d.wip());
        m.put("wipMax", d.wipMax());
        m.put("occupancy", round(d.occupancy()));
        m.put("resources", d.resources().stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("resource", r.resource());
            c.put("hoursNeeded", round(r.hoursNeeded()));
            c.put("freeHours", round(r.freeHours()));
            c.put("committedHours", round(r.committedHours()));
            c.put("totalHours", round(r.totalHours()));
            c.put("earliestFinishDate", r.earliestFinishDate() == null ? null : r.earliestFinishDate().toString());
            c.put("earliestFinish", r.earliestFinish() == null ? null : r.earliestFinish().toString());
            return c;
        }).toList());
        if (!d.outcome().accepted()) {
            Map<String, Object> constraints = new LinkedHashMap<>();
            Map<String, Object> feasible = new LinkedHashMap<>();
            d.feasibleQuantityByDue().forEach((k, v) -> feasible.put(k, round(v)));
            constraints.put("quantityFeasibleByDue", feasible);
            constraints.put("earliestFeasibleDelivery", d.earliestFeasibleDelivery() == null ? null : d.earliestFeasibleDelivery().toString());
            constraints.put("occupancy", round(d.occupancy()));
            m.put("constraints", constraints);
            m.put("proposedWindow", window(d.proposedWindow()));
        }
        m.put("reasons", d.reasons());
        return m;
    }

    /** A decision accepted by capacity but rejected because the chain behind it cannot make the due date. */
    static Map<String, Object> chainRejected(OrderDecision d, ChainSchedule.Result chain, DeliveryWindow window) {
        Map<String, Object> m = of(d);
        m.put("outcome", "REJECTED");
        Duration shortBy = chain.minSlack().negated();
        DeliveryWindow proposed = new DeliveryWindow(window.earliest().plus(shortBy), window.due().plus(shortBy));
        Map<String, Object> constraints = new LinkedHashMap<>();
        constraints.put("chainFeasible", false);
        constraints.put("bottleneck", chain.bottleneck().node());
        constraints.put("shortBy", shortBy.toString());
        constraints.put("earliestFeasibleDelivery", proposed.due().toString());
        m.put("constraints", constraints);
        m.put("proposedWindow", window(proposed));
        m.put("reasons", List.of("chain infeasible: bottleneck " + chain.bottleneck().node() + ", slack " + chain.minSlack()));
        return m;
    }

    static Map<String, Object> window(DeliveryWindow w) {
        if (w == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("earliest", w.earliest().toString());
        m.put("due", w.due().toString());
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
