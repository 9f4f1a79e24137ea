package org.hanse.app.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.buffer.Expedite;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers to stockout warnings (RULES 3.6), which act: an emergency transfer answer asks the named node for the
 * quantity through the emergency transfer flow, an expedite answer asks the supplier of the buyer's open order for an
 * earlier due date (EXPEDITE_REQUESTED); lower consumption and a backup supplier are recorded and announced.
 */
@Service
class WarningAnswers {

    static final String ACTIONS = "LOWER_CONSUMPTION, BACKUP_SUPPLIER, EMERGENCY_TRANSFER, LATERAL_TRANSFER or EXPEDITE";

    private final BufferStore store;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final NodeEvents events;
    private final Clock clock;

    WarningAnswers(BufferStore store, Adjacency adjacency, OrderBook orders, NodeEvents events, Clock clock) {
        this.store = store;
        this.adjacency = adjacency;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    WarningAnswer.Answered answer(String warningEventId, WarningAnswer body, Principal principal) {
        String node = principal.requireNode();
        NodeEvent warning = events.find(warningEventId).filter(e -> e.type() == EventType.STOCKOUT_WARNING)
                .orElseThrow(() -> new NotFoundException("stockout warning " + warningEventId + " does not exist"));
        if (!events.deliveredTo(warningEventId, node)) {
            throw new ForbiddenException("only a node that received the warning answers it");
        }
        String material = String.valueOf(warning.payload().get("material"));
        String action = body.action() == null ? "" : body.action();
        WarningAnswer.Detail detail = switch (action) {
            case "LOWER_CONSUMPTION" -> {
                if (body.dailyRate() == null || body.dailyRate() < 0) {
                    throw new InvalidInputException("dailyRate", "must be the planned daily consumption, a number ≥ 0");
                }
                yield WarningAnswer.Detail.rate(Numbers.require("dailyRate", body.dailyRate(), Numbers.RATE));
            }
            case "BACKUP_SUPPLIER" -> {
                String s = body.supplier();
                if (s == null || !adjacency.suppliersOf(node, material).contains(s) || s.equals(warning.sender())) {
                    throw new InvalidInputException("supplier", "must be another accepted supplier of " + node + " for " + material);
                }
                yield WarningAnswer.Detail.backup(s);
            }
            case "EMERGENCY_TRANSFER" -> transfer(node, material, body.from(), "from", body.quantity());
            case "LATERAL_TRANSFER" -> transfer(node, material, body.peer(), "peer", body.quantity());
            case "EXPEDITE" -> expedite(node, material, warningEventId, body);
            default -> throw new InvalidInputException("action", "must be " + ACTIONS);
        };
        Instant now = clock.instant();
        store.recordAnswer(UUID.randomUUID().toString(), node, warningEventId, action, detail.fields(), now);
        WarningAnswer.Answered answered = new WarningAnswer.Answered(warningEventId, node, action, detail);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.WARNING_ANSWERED, node,
                List.of(warning.about() != null ? warning.about() : warning.sender()), now, answered.payload()));
        return answered;
    }

    /** Asks {@code peer} for the quantity: the same REQUESTED transfer and EMERGENCY_TRANSFER event as the buffer's own. */
    private WarningAnswer.Detail transfer(String node, String material, String peer, String field, Double quantity) {
        if (peer == null || peer.equals(node) || !adjacency.exists(peer)) {
            throw new InvalidInputException(field, "must be another registered node");
        }
        if (adjacency.mapping(peer, material).isEmpty()) {
            throw new InvalidInputException(field, peer + " keeps no stock of " + material);
        }
        if (quantity == null || quantity <= 0) {
            throw new InvalidInputException("quantity", "must be a number greater than 0");
        }
        double q = Numbers.require("quantity", quantity, Numbers.QUANTITY);
        String transfer = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.request(new BufferStore.Transfer(transfer, node, peer, material, q, "REQUESTED", now));
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.EMERGENCY_TRANSFER, node, List.of(peer), now,
                java.util.Map.of("transfer", transfer, "requester", node, "material", material, "quantity", q)));
        return WarningAnswer.Detail.transfer(peer, q, transfer);
    }

    /**
     * Ordering has no expedite of its own, so the answer asks the order's supplier for the earlier date
     * (EXPEDITE_REQUESTED); the order itself changes only when the supplier acts on it.
     */
    private WarningAnswer.Detail expedite(String node, String material, String warningEventId, WarningAnswer body) {
        if (body.order() == null) {
            throw new InvalidInputException("order", "is required: the id of an open order of yours for " + material);
        }
        OrderBook.OpenOrder open = orders.factsFor(node, body.order()).filter(f -> f.buyer().equals(node))
                .flatMap(f -> orders.openInbound(node, material).stream().filter(o -> o.id().equals(f.id())).findFirst())
                .orElseThrow(() -> new InvalidInputException("order", "must be an open order of " + node + " for " + material));
        Instant requested;
        try {
            requested = Instant.parse(body.due() == null ? "" : body.due());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("due", "must be an ISO 8601 instant such as 2026-12-01T08:00:00Z");
        }
        Instant now = clock.instant();
        Expedite expedite = Expedite.request(open.id(), open.due(), requested, now, "due");
        WarningAnswer.ExpediteRequested event = new WarningAnswer.ExpediteRequested(warningEventId, open.id(), node, material,
                expedite.currentDue(), expedite.requestedDue());
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.EXPEDITE_REQUESTED, node, List.of(open.supplier()), now,
                event.payload()));
        return WarningAnswer.Detail.expedite(open.id(), expedite.currentDue(), expedite.requestedDue());
    }
}
