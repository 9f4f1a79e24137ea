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

    /** The order's API shape with {@code ledger: {index, proof}} when it is recorded. */
    Map<String, Object> json(StoredOrder o) {
        Map<String, Object> m = OrderJson.of(o);
        ledger.reference(PLACED, recordId(o)).ifPresent(ref -> m.put("ledger", ref));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(PLACED);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        int at = recordId.lastIndexOf("@r");
        if (!PLACED.equals(kind) || at < 0) {
            return Optional.empty();
        }
        return orders.find(recordId.substring(0, at)).filter(o -> recordId.equals(recordId(o))).map(OrderEvidence::evidence);
    }

    /** A resubmitted order replaces its earlier revision's row by design; that revision's leaf stays as history. */
    @Override
    public boolean retired(String kind, String recordId) {
        int at = recordId.lastIndexOf("@r");
        if (at < 0) {
            return false;
        }
        String revision = recordId.substring(at + 2);
        return orders.find(recordId.substring(0, at))
                .map(o -> revision.matches("\\d{1,9}") && o.revision() > Integer.parseInt(revision)).orElse(false);
    }

    static String recordId(StoredOrder o) {
        return o.id() + "@r" + o.revision();
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
