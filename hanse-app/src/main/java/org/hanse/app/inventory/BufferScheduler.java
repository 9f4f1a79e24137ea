package org.hanse.app.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.PartnerSharing;
import org.hanse.app.network.Link;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.buffer.ExceptionProtocol;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.InterfaceModule;
import org.hanse.core.trust.SharingLevel;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periodic buffer work: each buffer's state vector every period P, and, for a buyer without inventory-notify, the
 * proxy estimate its supplier publishes (last known + deliveries − estimated consumption from the order history).
 */
@Component
class BufferScheduler {

    static final Duration HISTORY = Duration.ofDays(Buffers.DEMAND_DAYS);

    private final Buffers buffers;
    private final BufferStore store;
    private final StockLedger ledger;
    private final OrderBook orders;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final Clock clock;

    private final PartnerSharing sharing;

    BufferScheduler(Buffers buffers, BufferStore store, StockLedger ledger, OrderBook orders, Adjacency adjacency, NodeEvents events, Clock clock,
                    PartnerSharing sharing) {
        this.sharing = sharing;
        this.buffers = buffers;
        this.store = store;
        this.ledger = ledger;
        this.orders = orders;
        this.adjacency = adjacency;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hanse.buffers.tick:PT1M}", initialDelayString = "${hanse.buffers.tick:PT1M}")
    void tick() {
        buffers.sendDueVectors();
        publishProxyEstimates();
    }

    /** Returns how many estimates went out. */
    @Transactional
    int publishProxyEstimates() {
        Instant now = clock.instant();
        int sent = 0;
        for (Link link : adjacency.acceptedLinks()) {
            String subject = link.buyer();
            String supplier = link.supplier();
            if (adjacency.modules(subject).contains(InterfaceModule.INVENTORY_NOTIFY)) {
                continue;
            }
            Duration period = store.settings(supplier).policy().period();
            for (String material : link.materials()) {
                if (store.proxySentAt(subject, supplier, material).filter(at -> now.isBefore(at.plus(period))).isPresent()) {
                    continue;
                }
                List<OrderBook.PastOrder> history = orders.history(subject, supplier, material, now.minus(HISTORY));
                if (history.isEmpty()) {
                    continue;
                }
                Instant known = ledger.lastMovementAt(subject, material).orElse(now.minus(HISTORY));
                double lastKnown = ledger.onHand(subject, material);
                double delivered = history.stream().filter(o -> o.finishedAt() != null && o.finishedAt().isAfter(known))
                        .mapToDouble(OrderBook.PastOrder::quantity).sum();
                double dailyConsumption = history.stream().mapToDouble(OrderBook.PastOrder::quantity).sum() / Buffers.DEMAND_DAYS;
                double days = Duration.between(known, now).toSeconds() / 86_400.0;
                double position = ExceptionProtocol.proxyPosition(lastKnown, delivered, dailyConsumption, days);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("node", subject);
                payload.put("material", material);
                payload.put("estimatedOnHand", BufferView.round(position));
                payload.put("lastKnown", BufferView.round(lastKnown));
                payload.put("deliveredSince", BufferView.round(delivered));
                payload.put("estimatedDailyConsumption", BufferView.round(dailyConsumption));
                payload.put("since", known.toString());
                // The estimate is the subject's information: its polling-list partners are not pushed it.
                List<String> recipients = new ArrayList<>(adjacency.neighbours(subject).stream()
                        .filter(n -> sharing.level(subject, n) == SharingLevel.REAL_TIME).toList());
                recipients.remove(supplier);
                recipients.add(subject);
                events.publish(new NodeEvent(UUID.randomUUID().toString(), EventType.INVENTORY_POSITION, supplier, recipients, now,
                        NodeEvent.SCHEMA_VERSION, payload, true, supplier, subject));
                store.saveProxy(subject, supplier, material, position, now);
                sent++;
            }
        }
        return sent;
    }
}
