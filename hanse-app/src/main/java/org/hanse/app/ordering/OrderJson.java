package org.hanse.app.ordering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The API shapes of orders and chains. */
final class OrderJson {

    private OrderJson() {
    }

    static Map<String, Object> of(StoredOrder o) {
        return of(o, null);
    }

    /** The order as {@code viewer} sees it: its own ids as it chose them (OwnedId.shown), everyone else's by stored key. */
    static Map<String, Object> of(StoredOrder o, String viewer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", org.hanse.core.node.OwnedId.shown(o.id(), viewer));
        m.put("buyer", o.buyer());
        m.put("supplier", o.supplier());
        // "status" keeps its name for existing clients; it now carries the life-cycle state (RULES 3.5.1).
        m.put("status", o.status().name());
        m.put("state", o.status().name());
        m.put("outcome", o.outcome());
        m.put("priority", o.priority());
        m.put("earliest", o.earliest().toString());
        m.put("due", o.due().toString());
        m.put("lines", o.lines());
        // Known only when every line has a price in one currency; left out otherwise (value unknown).
        LinePrices.value(o.lines()).ifPresent(v -> m.put("value", Map.of("amount", v.plain(), "currency", v.currency().getCurrencyCode())));
        m.put("batch", Map.of("minimum", o.batchMinimum(), "multiple", o.batchMultiple()));
        m.put("transit", o.transit().toString());
        m.put("revision", o.revision());
        if (o.parentId() != null) {
            m.put("parent", o.parentId());
            m.put("root", o.rootId());
        }
        m.put("decision", o.decision());
        m.put("placedAt", o.placedAt().toString());
        if (o.overrideBy() != null) {
            m.put("override", Map.of("by", o.overrideBy(), "reason", o.overrideReason(), "at", o.overriddenAt().toString()));
        }
        return m;
    }

    static Map<String, Object> chain(String rootId, List<OrderRepository.StoredStep> steps, Map<String, StoredOrder> orders) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", rootId);
        long minSlack = steps.stream().mapToLong(s -> s.timing().slack().toSeconds()).min().orElse(0);
        // A chain whose order went a dead end (rejected, withdrawn, cancelled) will not deliver, whatever its slack.
        m.put("feasible", minSlack >= 0 && orders.values().stream().noneMatch(o -> o.status().dead()));
        m.put("minSlack", java.time.Duration.ofSeconds(minSlack).toString());
        m.put("steps", steps.stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("order", s.step().key());
            step.put("node", s.step().node());
            step.put("parent", s.step().parentKey());
            step.put("depth", s.timing().depth());
            step.put("placed", s.placed());
            StoredOrder order = orders.get(s.step().key());
            if (order != null) {
                step.put("status", order.status().name());
                step.put("outcome", order.outcome());
            }
            step.put("processing", s.step().processing().toString());
            step.put("transit", s.step().transitToParent().toString());
            step.put("es", s.timing().es().toString());
            step.put("ef", s.timing().ef().toString());
            step.put("ls", s.timing().ls().toString());
            step.put("lf", s.timing().lf().toString());
            step.put("slack", s.timing().slack().toString());
            if (s.step().actualFinish() != null) {
                step.put("actualFinish", s.step().actualFinish().toString());
            }
            return step;
        }).toList());
        return m;
    }

    static boolean anyParty(Iterable<StoredOrder> orders, String node) {
        for (StoredOrder o : orders) {
            if (o.isParty(node)) {
                return true;
            }
        }
        return false;
    }

    static final Set<String> ROLES = Set.of("buyer", "supplier", "any");
}
