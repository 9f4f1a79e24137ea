package org.hanse.app.ordering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hanse.app.ledger.Evidence;
import org.hanse.app.ledger.EvidenceLedger;
import org.hanse.app.ledger.LedgerRecords;
import org.springframework.stereotype.Component;

/**
 * Orders in the evidence ledger: each placed order (every revision, every order of a chain) with the facts fixed at
 * placement and the outcome decided then. Built from the stored row, both when recorded and when audited.
 */
@Component
class OrderEvidence implements LedgerRecords {

    static final String PLACED = "order.placed";
    static final String OVERRIDDEN = "order.overridden";

    private final EvidenceLedger ledger;
    private final OrderRepository orders;

    OrderEvidence(EvidenceLedger ledger, OrderRepository orders) {
        this.ledger = ledger;
        this.orders = orders;
    }

    /** Records a just-stored order; call last in the placing transaction (the ledger's lock is held to commit). */
    void recordPlaced(String orderId) {
        StoredOrder o = orders.find(orderId).orElseThrow();
        ledger.append(PLACED, recordId(o), evidence(o));
    }

    /** Records the supplier's override just stored; call last in the overriding transaction. */
    void recordOverride(String orderId) {
        StoredOrder o = orders.find(orderId).orElseThrow();
        ledger.append(OVERRIDDEN, overrideId(o), overrideEvidence(o));
    }

    /** The ledger reference ({@code index}, {@code proof}) of the order's placement, if recorded. */
    Optional<Map<String, Object>> reference(StoredOrder o) {
        return ledger.reference(PLACED, recordId(o));
    }

    /** The order's API shape for {@code viewer} with {@code ledger: {index, proof}} (and {@code overrideLedger}) when recorded. */
    Map<String, Object> json(StoredOrder o, String viewer) {
        Map<String, Object> m = OrderJson.of(o, viewer);
        ledger.reference(PLACED, recordId(o)).ifPresent(ref -> m.put("ledger", ref));
        if (o.overriddenAt() != null) {
            ledger.reference(OVERRIDDEN, overrideId(o)).ifPresent(ref -> m.put("overrideLedger", ref));
        }
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(PLACED, OVERRIDDEN);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        if (OVERRIDDEN.equals(kind)) {
            return orders.find(orderId(recordId)).filter(o -> o.overriddenAt() != null && recordId.equals(overrideId(o)))
                    .map(OrderEvidence::overrideEvidence);
        }
        int at = recordId.lastIndexOf("#r");
        if (!PLACED.equals(kind) || at < 0) {
            return Optional.empty();
        }
        return orders.find(recordId.substring(0, at)).filter(o -> recordId.equals(recordId(o))).map(OrderEvidence::evidence);
    }

    /**
     * A resubmitted order replaces its earlier revision's row, and a second override the first one's columns, by design;
     * their leaves stay as history.
     */
    @Override
    public boolean retired(String kind, String recordId) {
        if (OVERRIDDEN.equals(kind)) {
            // Another revision, or a later override of this one, replaced the columns this entry was built from; only
            // when that replacement is itself in the ledger (an edited overridden_at is not a retirement).
            return orders.find(orderId(recordId)).map(o -> !recordId.startsWith(recordId(o) + "#") ? recorded(PLACED, recordId(o))
                    : o.overriddenAt() != null && !recordId.equals(overrideId(o)) && recorded(OVERRIDDEN, overrideId(o))).orElse(false);
        }
        int at = recordId.lastIndexOf("#r");
        if (at < 0) {
            return false;
        }
        String revision = recordId.substring(at + 2);
        return orders.find(recordId.substring(0, at))
                .map(o -> revision.matches("\\d{1,9}") && o.revision() > Integer.parseInt(revision) && recorded(PLACED, recordId(o)))
                .orElse(false);
    }

    private boolean recorded(String kind, String recordId) {
        return ledger.indexOf(kind, recordId).isPresent();
    }

    static String recordId(StoredOrder o) {
        return o.id() + "#r" + o.revision();
    }

    /** Stored order keys ({@code id} or {@code owner@id}) never contain '#': the key is what precedes the first one. */
    private static String orderId(String recordId) {
        int at = recordId.indexOf('#');
        return at < 0 ? recordId : recordId.substring(0, at);
    }

    static String overrideId(StoredOrder o) {
        return recordId(o) + "#" + o.overriddenAt();
    }

    /** The override as decided: who, why, when, and the outcome it set. */
    static Evidence overrideEvidence(StoredOrder o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("order", o.id());
        r.put("revision", o.revision());
        r.put("by", o.overrideBy());
        r.put("reason", o.overrideReason());
        r.put("at", o.overriddenAt().toString());
        r.put("outcome", o.outcome());
        return new Evidence(List.of(o.buyer(), o.supplier()), r);
    }

    static Evidence evidence(StoredOrder o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", o.id());
        r.put("revision", o.revision());
        r.put("buyer", o.buyer());
        r.put("supplier", o.supplier());
        r.put("root", o.rootId());
        r.put("parent", o.parentId());
        r.put("priority", o.priority());
        r.put("earliest", o.earliest().toString());
        r.put("due", o.due().toString());
        r.put("lines", o.lines());
        r.put("batch", Map.of("minimum", o.batchMinimum(), "multiple", o.batchMultiple()));
        r.put("transit", o.transit().toString());
        r.put("placedAt", o.placedAt().toString());
        r.put("decidedAt", o.decidedAt().toString());
        r.put("outcome", outcomeAtPlacement(o));
        r.put("contentHash", o.contentHash());
        return new Evidence(List.of(o.buyer(), o.supplier()), r);
    }

    /** An override keeps the outcome it replaced in the decision ({@code overriddenOutcome}): the placement's. */
    private static Object outcomeAtPlacement(StoredOrder o) {
        return o.overrideBy() != null && o.decision().get("overriddenOutcome") != null ? o.decision().get("overriddenOutcome") : o.outcome();
    }
}
