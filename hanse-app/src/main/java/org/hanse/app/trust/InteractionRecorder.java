package org.hanse.app.trust;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hanse.app.network.Adjacency;
import org.hanse.core.trust.ClaimCheck;
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
 * units: punctuality from delivery outside the order's window [earliest, due] (early or late) over the promised lead time
 * (due − placed), qualified rate accepted / delivered, information accuracy measured: the supplier's claims (confirmation,
 * dispatch advices, checkpoints) that the buyer's recorded delivery confirmed within the tolerance ({@link ClaimCheck}),
 * with checked DELIVERY_MISSED reports about the order counted as false messages (time-outs are rated on their own:
 * TimeoutRatings).
 * Both listeners run after commit, are retried after a crash, and change nothing when delivered twice.
 */
@Component
class InteractionRecorder {

    private final JdbcClient jdbc;
    private final ShipmentBook shipments;
    private final OrderBook orders;
    private final NodeEvents events;
    private final TrustLedger ledger;
    private final Adjacency adjacency;
    private final TrustSettings settings;

    InteractionRecorder(JdbcClient jdbc, ShipmentBook shipments, OrderBook orders, NodeEvents events, TrustLedger ledger, Adjacency adjacency,
                        TrustSettings settings) {
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.settings = settings;
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
        List<ClaimCheck.Claim> claims = claims(s, order);
        int confirmed = ClaimCheck.confirmed(claims, s.deliveredAt(), settings.claimTolerance());
        int messages = claims.size() + faults;
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

    /**
     * The supplier's claims about this delivery: its confirmation of the order (arrival by the due date), each dispatch
     * advice (SHIPPED: arrival by then + the link's transit) and each checkpoint it reported (before the arrival).
     */
    private List<ClaimCheck.Claim> claims(ShipmentBook.Inspection s, OrderBook.OrderFacts order) {
        Optional<Duration> transit = adjacency.transit(s.supplier(), s.buyer());
        List<ClaimCheck.Claim> claims = new ArrayList<>();
        // The confirmation precedes every shipment of the order (a shipment needs an accepted order): only its promise is checked.
        claims.add(new ClaimCheck.Claim("CONFIRMATION", null, order.due()));
        for (ShipmentBook.Claim c : s.supplierClaims()) {
            Instant expected = "SHIPPED".equals(c.milestone()) ? transit.map(t -> c.at().plus(t)).orElse(null) : null;
            claims.add(new ClaimCheck.Claim(c.milestone(), c.at(), expected));
        }
        return claims;
    }

    /** A checked DELIVERY_MISSED about an order counts as a false status message of its supplier. */
    @ApplicationModuleListener
    void on(NodeEventPublished published) {
        // Only checked reports count: a node's own RESPONSE_TIMED_OUT claims are unchecked; the server's time-outs are rated by TimeoutRatings.
        if (published.type() != EventType.DELIVERY_MISSED) {
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
