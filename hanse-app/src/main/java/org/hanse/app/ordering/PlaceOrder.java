package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.order.Priority;
import org.hanse.core.payment.Prices;

/** A validated order request as the buyer sent it (quantities in the buyer's units). */
record PlaceOrder(String id, String buyer, String supplier, List<RequestedLine> lines, Instant earliest, Instant due,
                  BigDecimal batchMinimum, BigDecimal batchMultiple, Priority priority) {

    /** One requested line; {@code statedPrice} (per the supplier's unit) only when the buyer states one. */
    record RequestedLine(String material, BigDecimal quantity, UnitOfMeasure unit, Prices.Price statedPrice) {
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
        // A stated price joins the line's content; lines without one hash as before.
        m.put("lines", lines.stream().map(l -> l.statedPrice() == null
                ? List.of(l.material(), l.quantity().stripTrailingZeros().toPlainString(), l.unit().code())
                : List.of(l.material(), l.quantity().stripTrailingZeros().toPlainString(), l.unit().code(),
                        l.statedPrice().unitPrice().stripTrailingZeros().toPlainString(), l.statedPrice().currency().getCurrencyCode())).toList());
        m.put("earliest", earliest.toString());
        m.put("due", due.toString());
        m.put("batch", List.of(batchMinimum.stripTrailingZeros().toPlainString(), batchMultiple.stripTrailingZeros().toPlainString()));
        m.put("priority", priority.name());
        return m;
    }
}
