package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.order.Priority;

/** A validated order request as the buyer sent it (quantities in the buyer's units). */
record PlaceOrder(String id, String buyer, String supplier, List<RequestedLine> lines, Instant earliest, Instant due,
                  BigDecimal batchMinimum, BigDecimal batchMultiple, Priority priority) {

    /** One requested line. */
    record RequestedLine(String material, BigDecimal quantity, UnitOfMeasure unit) {
    }

    /** The same request stored under another key (the owner-scoped key of OwnedId, or a resubmitted order's key). */
    PlaceOrder withId(String key) {
        return new PlaceOrder(key, buyer, supplier, lines, earliest, due, batchMinimum, batchMultiple, priority);
    }

    /** The same request in another delivery window (a proposal being verified). */
    PlaceOrder inWindow(Instant newEarliest, Instant newDue) {
        return new PlaceOrder(id, buyer, supplier, lines, newEarliest, newDue, batchMinimum, batchMultiple, priority);
    }

    /** The content that decides idempotency: everything the buyer chose. */
    Map<String, Object> content() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", buyer);
        m.put("supplier", supplier);
        m.put("lines", lines.stream().map(l -> List.of(l.material(), l.quantity().stripTrailingZeros().toPlainString(), l.unit().code())).toList());
        m.put("earliest", earliest.toString());
        m.put("due", due.toString());
        m.put("batch", List.of(batchMinimum.stripTrailingZeros().toPlainString(), batchMultiple.stripTrailingZeros().toPlainString()));
        m.put("priority", priority.name());
        return m;
    }
}
