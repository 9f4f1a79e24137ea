package org.hanse.app.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.PartnerSharing;
import org.hanse.app.network.RelationshipDepth;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.buffer.BufferRule;
import org.hanse.core.buffer.ExceptionProtocol;
import org.hanse.core.buffer.Statistics;
import org.hanse.core.buffer.VectorSchedule;
import org.hanse.core.buffer.Zone;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.InterfaceModule;
import org.hanse.core.trust.SharingLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes buffers and reacts to their changes, each node from its own data and its neighbours' vectors, with no
 * coordinator: a zone change sends the state vector at once and runs the exception protocol; entering the
 * warning state sends EXPEDITE_REQUEST upstream and STOCKOUT_WARNING downstream.
 */
@Service
class Buffers {

    static final int DEMAND_DAYS = 56;
    static final int LEAD_TIME_SAMPLES = 20;
    static final int MAX_TRANSFER_REQUESTS = 3;

    private final StockLedger ledger;
    private final BufferStore store;
    private final OrderBook orders;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final Clock clock;
    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    Buffers(StockLedger ledger, BufferStore store, OrderBook orders, Adjacency adjacency, NodeEvents events, Clock clock,
            org.hanse.app.parameters.NetworkParameterSource parameters, PartnerSharing sharing, List<RelationshipDepth> depth) {
        this.sharing = sharing;
        this.depth = depth;
        this.ledger = ledger;
        this.store = store;
        this.orders = orders;
        this.adjacency = adjacency;
        this.events = events;
        this.clock = clock;
        this.parameters = parameters;
    }

    private final PartnerSharing sharing;
    private final List<RelationshipDepth> depth;

    BufferView view(String node, String material) {
        Instant now = clock.instant();
        BufferStore.Settings settings = store.settings(node);
        Statistics demand = Statistics.of(ledger.dailyConsumption(node, material, LocalDate.ofInstant(now, ZoneOffset.UTC), DEMAND_DAYS));
        List<Double> leadDays = new ArrayList<>();
        for (Map.Entry<String, Instant> receipt : ledger.receiptsOfOrders(node, material, LEAD_TIME_SAMPLES)) {
            orders.placedAt(receipt.getKey()).ifPresent(placed -> leadDays.add(Duration.between(placed, receipt.getValue()).toSeconds() / 86_400.0));
        }
        Statistics leadTime = leadDays.isEmpty() ? new Statistics(settings.defaultLeadTime().toSeconds() / 86_400.0, 0, 0) : Statistics.of(leadDays);
        List<Double> shared = store.sharedErrors(node, material);
        Double forecastError = shared.isEmpty() ? null : Math.sqrt(shared.stream().mapToDouble(e -> e * e).sum());
        double allocated = orders.openOutbound(node, material).stream().mapToDouble(OrderBook.OpenOrder::quantity).sum();
        return new BufferView(node, material, ledger.onHand(node, material), allocated, orders.openInbound(node, material), demand, leadTime,
                forecastError != null, BufferRule.thresholds(settings.policy(), demand, leadTime, forecastError), now);
    }

    /** After a movement: compare with the last state and act on a zone change or a new warning. */
    @Transactional
    BufferView react(String node, String material) {
        BufferView view = view(node, material);
        Optional<BufferStore.State> before = store.state(node, material);
        Zone zone = view.zone();
        Instant lastVector = before.map(BufferStore.State::lastVectorAt).orElse(null);
        boolean zoneChanged = before.isEmpty() || before.get().zone() != zone;
        if (zoneChanged) {
            lastVector = sendVector(view).orElse(lastVector);
            exceptionProtocol(view, before.map(BufferStore.State::zone).orElse(Zone.INSIDE));
        }
        boolean warning = view.warning();
        if (warning && (before.isEmpty() || !before.get().warning())) {
            warn(view);
        }
        store.saveState(new BufferStore.State(node, material, zone, warning, lastVector));
        return view;
    }

    /** The periodic vector (every P), for buffers whose last vector is older than their node's period. */
    @Transactional
    int sendDueVectors() {
        int sent = 0;
        Instant now = clock.instant();
        for (BufferStore.State s : store.states()) {
            BufferView view = view(s.node(), s.material());
            if (VectorSchedule.due(s.lastVectorAt(), s.zone(), view.zone(), now, store.settings(s.node()).policy().period())) {
                if (view.zone() != s.zone()) {
                    react(s.node(), s.material());
                } else {
                    Optional<Instant> at = sendVector(view);
                    store.saveState(new BufferStore.State(s.node(), s.material(), s.zone(), s.warning(), at.orElse(now)));
                }
                sent++;
            }
        }
        return sent;
    }

    /** STATE_VECTOR to the adjacent nodes trading the material; only a node with inventory-notify sends them. */
    private Optional<Instant> sendVector(BufferView v) {
        if (!adjacency.modules(v.node()).contains(InterfaceModule.INVENTORY_NOTIFY)) {
            return Optional.empty();
        }
        // Partners on the node's polling list (trust below 0.8) get no pushed vectors: they poll and see the zone only.
        // MARKET pairs share order status only (RULES 3.2).
        List<String> neighbours = neighbours(v.node(), v.material()).stream()
                .filter(n -> sharing.level(v.node(), n) == SharingLevel.REAL_TIME)
                .filter(n -> depth.stream().allMatch(d -> d.sharesBufferState(v.node(), n))).toList();
        if (neighbours.isEmpty()) {
            return Optional.of(v.at());
        }
        Map<String, Object> payload = v.json(BufferView.Visibility.FULL);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.STATE_VECTOR, v.node(), neighbours, v.at(), payload));
        return Optional.of(v.at());
    }

    private List<String> neighbours(String node, String material) {
        Set<String> all = new LinkedHashSet<>(adjacency.suppliersOf(node, material));
        all.addAll(adjacency.buyersOf(node, material));
        return List.copyOf(all);
    }

    private void warn(BufferView v) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("node", v.node());
        payload.put("material", v.material());
        payload.put("depletionDays", BufferView.round(v.depletionDays()));
        payload.put("leadTimeDays", BufferView.round(v.leadTime().mean()));
        publishException(v.node(), EventType.EXPEDITE_REQUEST, adjacency.suppliersOf(v.node(), v.material()), payload, v.at());
        publishException(v.node(), EventType.STOCKOUT_WARNING, adjacency.buyersOf(v.node(), v.material()), payload, v.at());
    }

    /**
     * Exceptions go out from the node when it has exception-broadcast; otherwise a neighbour that detected them
     * publishes them about it (proxy conversion): here the first recipient's side, flagged as such.
     */
    private void publishException(String node, EventType type, List<String> recipients, Map<String, Object> payload, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        if (adjacency.modules(node).contains(InterfaceModule.EXCEPTION_BROADCAST)) {
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), type, node, recipients, now, payload));
            return;
        }
        String by = recipients.get(0);
        List<String> others = new ArrayList<>(recipients);
        others.remove(by);
        others.add(node);
        events.publish(new NodeEvent(UUID.randomUUID().toString(), type, by, others, now, NodeEvent.SCHEMA_VERSION, payload, true, by, node));
    }

    private void exceptionProtocol(BufferView v, Zone before) {
        Zone zone = v.zone();
        if (zone == Zone.INSIDE) {
            store.releaseHolds(v.node(), v.material(), v.at());
            return;
        }
        if (before != Zone.INSIDE) {
            store.releaseHolds(v.node(), v.material(), v.at());
        }
        List<OrderBook.OpenOrder> affected = zone == Zone.BELOW ? orders.openOutbound(v.node(), v.material()) : v.inbound();
        double thetaU = parameters.parameters().ordering().thetaU();
        for (OrderBook.OpenOrder o : affected) {
            boolean held = zone == Zone.BELOW ? ExceptionProtocol.holdsOutbound(zone, o.urgency(), thetaU)
                    : ExceptionProtocol.holdsInbound(zone, o.urgency(), thetaU);
            if (held) {
                store.hold(new BufferStore.Hold(UUID.randomUUID().toString(), v.node(), v.material(), o.id(),
                        zone == Zone.BELOW ? "OUTBOUND" : "INBOUND",
                        (zone == Zone.BELOW ? "below B_lo " : "above B_hi ") + "and urgency " + BufferView.round(o.urgency()) + " < θ_U",
                        v.at(), null));
            }
        }
        if (zone == Zone.BELOW) {
            requestTransfers(v);
        }
    }

    /** EMERGENCY_TRANSFER to peers above their B_hi, nearest first, each asked for what it can spare up to the shortfall. */
    private void requestTransfers(BufferView v) {
        double needed = v.thresholds().low() - v.level();
        List<ExceptionProtocol.PeerBuffer> peers = new ArrayList<>();
        for (BufferStore.State s : store.holdersOf(v.material())) {
            if (s.node().equals(v.node())) {
                continue;
            }
            BufferView peer = view(s.node(), v.material());
            peers.add(new ExceptionProtocol.PeerBuffer(s.node(), adjacency.locationOf(s.node()), peer.level(), peer.thresholds().high()));
        }
        List<ExceptionProtocol.Candidate> candidates = ExceptionProtocol.transferCandidates(adjacency.locationOf(v.node()), peers);
        for (ExceptionProtocol.Candidate c : candidates.subList(0, Math.min(MAX_TRANSFER_REQUESTS, candidates.size()))) {
            if (needed <= 0) {
                break;
            }
            double quantity = Math.min(c.surplus(), needed);
            String id = UUID.randomUUID().toString();
            store.request(new BufferStore.Transfer(id, v.node(), c.node(), v.material(), quantity, "REQUESTED", v.at()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("transfer", id);
            payload.put("requester", v.node());
            payload.put("material", v.material());
            payload.put("quantity", BufferView.round(quantity));
            payload.put("distanceKm", BufferView.round(c.distanceKm()));
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.EMERGENCY_TRANSFER, v.node(), List.of(c.node()), v.at(), payload));
            needed -= quantity;
        }
    }

    static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v);
    }
}
