package org.hanse.app.trust;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.hanse.app.logistics.ShipmentAccepted;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.messaging.NodeEventPublished;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.trust.Reciprocity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what the network records into rated interactions (RULES 3.8). An accepted shipment rates each of its logistics
 * units: punctuality from delivery outside the order's window [earliest, due] (early or late) over the promised lead time (due − placed), qualified
 * rate accepted / delivered, information accuracy from the supplier's milestone claims that the buyer's delivery
 * confirmed, with time-outs and neighbour-reported contradictions about the order counted as false messages.
 * Both listeners run after commit, are retried after a crash, and change nothing when delivered twice.
 */
@Component
class InteractionRecorder {

    private final JdbcClient jdbc;
    private final ShipmentBook shipments;
    private final OrderBook orders;
    private final NodeEvents events;
    private final TrustLedger ledger;

    InteractionRecorder(JdbcClient jdbc, ShipmentBook shipments, OrderBook orders, NodeEvents events, TrustLedger ledger) {
        this.jdbc = jdbc;
        this.shipments = shipments;
        this.orders = orders;
        this.events = events;
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(ShipmentAccepted accepted) {
        ShipmentBook.Inspection s = shipments.inspection(accepted.shipment()).orElseThrow();
        OrderBook.OrderFacts order = orders.facts(s.order()).orElseThrow();
        // Outside the window [earliest, due] either way: seven weeks early is as unpunctual as seven weeks late.
        Duration lateness = Reciprocity.outsideWindow(order.earliest(), order.due(), s.deliveredAt());
        Duration leadTime = Duration.between(order.placedAt(), order.due());
        double punctuality = Reciprocity.punctuality(lateness, leadTime);
        double qualified = Reciprocity.qualified(s.accepted().doubleValue(), s.delivered().doubleValue());
        int faults = jdbc.sql("SELECT COUNT(*) FROM trust_information_fault WHERE order_id = ? AND trustee_id = ?")
                .params(s.order(), s.supplier()).query(Integer.class).single();
        // A claim dated after the buyer's recorded arrival is contradicted by it.
        int confirmed = (int) s.supplierClaims().stream().filter(c -> !c.at().isAfter(s.deliveredAt())).count();
        int messages = s.supplierClaims().size() + faults;
        double information = Reciprocity.information(confirmed, messages);
        for (int line : s.lines()) {
            jdbc.sql("""
                    INSERT INTO trust_interaction (shipment_id, line_no, truster_id, trustee_id, order_id, occurred_at, lateness_s, lead_time_s,
                                                   punctuality, qualified, messages, confirmed, information)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(s.shipment(), line, s.buyer(), s.supplier(), s.order(), Timestamp.from(s.acceptedAt()), Math.max(0, lateness.toSeconds()),
                            leadTime.toSeconds(), punctuality, qualified, messages, confirmed, information)
                    .update();
        }
        ledger.refresh(s.buyer(), s.supplier(), "delivery " + s.shipment());
    }

    /** A time-out or a missed confirmed delivery about an order counts as a false status message of its supplier. */
    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        if (published.type() != EventType.RESPONSE_TIMED_OUT && published.type() != EventType.DELIVERY_MISSED) {
            return;
        }
        NodeEvent e = events.find(published.eventId()).orElseThrow();
        Object order = e.payload().get("order");
        if (!(order instanceof String orderId)) {
            return;
        }
        orders.facts(orderId).ifPresent(o -> {
            boolean aboutSupplier = o.supplier().equals(e.about()) || (e.about() == null && e.recipients().contains(o.supplier()));
            if (aboutSupplier && !e.sender().equals(o.supplier())) {
                jdbc.sql("""
                        INSERT INTO trust_information_fault (event_id, trustee_id, order_id, kind, occurred_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                        .params(e.id(), o.supplier(), orderId, e.type().name(), Timestamp.from(e.time())).update();
            }
        });
    }
}
