package org.hanse.app.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hanse.core.order.OrderState;

/** An order as stored, with its decision as the JSON tree the API shows. */
record StoredOrder(String id, String buyer, String supplier, String rootId, String parentId, OrderState status, String outcome,
                   String priority, Instant earliest, Instant due, List<Map<String, Object>> lines, String batchMinimum,
                   String batchMultiple, Duration transit, double urgency, Map<String, Object> decision, String contentHash,
                   int revision, Instant placedAt, Instant decidedAt, String overrideBy, String overrideReason, Instant overriddenAt) {

    /** Whether the supplier was ever sent the order: not while planned, nor when discarded before approval. */
    boolean sent() {
        return !AcceptedTree.UNSENT.equals(outcome);
    }

    boolean isParty(String node) {
        return buyer.equals(node) || supplier.equals(node);
    }
}
