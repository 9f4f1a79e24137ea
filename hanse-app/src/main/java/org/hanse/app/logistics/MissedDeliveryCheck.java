package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.network.MissedDeliveries;
import org.hanse.app.ordering.OrderBook;
import org.springframework.stereotype.Component;

/**
 * A DELIVERY_MISSED report holds only for an order the reporter placed, still accepted (open), due before now, with a
 * material whose delivered quantity (units its buyer recorded DELIVERED) falls short of the ordered quantity.
 */
@Component
class MissedDeliveryCheck implements MissedDeliveries {

    private final OrderBook orders;
    private final ShipmentBook shipments;

    MissedDeliveryCheck(OrderBook orders, ShipmentBook shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    @Override
    public Optional<String> refusal(String reporter, String subject, String orderId, Instant now) {
        // Parties name an order by the id they see (OwnedId); anyone else's order reads as no order, so ids cannot be probed.
        Optional<OrderBook.OrderFacts> found = orders.factsFor(reporter, orderId).filter(o -> o.buyer().equals(reporter));
        if (found.isEmpty()) {
            return Optional.of("no order " + orderId + " placed by " + reporter);
        }
        OrderBook.OrderFacts order = found.get();
        if (subject != null && !subject.equals(order.supplier())) {
            return Optional.of("order " + orderId + " is supplied by " + order.supplier() + ", not by " + subject);
        }
        if (!org.hanse.core.order.OrderState.valueOf(order.status()).open()) {
            return Optional.of("order " + orderId + " is " + order.status() + ": no confirmed delivery is outstanding");
        }
        if (now.isBefore(order.due())) {
            return Optional.of("order " + orderId + " is due at " + order.due() + "; its delivery cannot be missed before then");
        }
        Map<String, BigDecimal> delivered = shipments.deliveredByMaterial(order.id());
        boolean shortfall = order.quantities().entrySet().stream()
                .anyMatch(q -> delivered.getOrDefault(q.getKey(), BigDecimal.ZERO).compareTo(BigDecimal.valueOf(q.getValue())) < 0);
        return shortfall ? Optional.empty() : Optional.of("every line of order " + orderId + " has been delivered");
    }
}
