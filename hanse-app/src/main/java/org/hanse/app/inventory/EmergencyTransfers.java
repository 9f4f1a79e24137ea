package org.hanse.app.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The asked peer's decision on an emergency transfer: accepted, the stock moves on both sides with history. */
@Service
class EmergencyTransfers {

    private final StockLedger ledger;
    private final BufferStore store;
    private final Buffers buffers;
    private final NodeEvents events;
    private final Clock clock;

    EmergencyTransfers(StockLedger ledger, BufferStore store, Buffers buffers, NodeEvents events, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.buffers = buffers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Map<String, Object> decideTransfer(String id, boolean accept, Principal principal) {
        String node = principal.requireNode();
        BufferStore.Transfer t = store.lockTransfer(id).orElseThrow(() -> new NotFoundException("transfer " + id + " does not exist"));
        if (!t.peer().equals(node)) {
            throw new ForbiddenException("only the asked peer decides a transfer");
        }
        String wanted = accept ? "ACCEPTED" : "DECLINED";
        if (t.status().equals(wanted)) {
            return transferJson(t, wanted);
        }
        if (!t.status().equals("REQUESTED")) {
            throw new ConflictException("transfer " + id + " is " + t.status());
        }
        Instant now = clock.instant();
        if (accept) {
            BigDecimal q = BigDecimal.valueOf(t.quantity());
            if (ledger.onHand(node, t.material()) < t.quantity() - 1e-9) {
                throw new ConflictException("not enough stock on hand for the transfer any more");
            }
            String hash = Sha256.hex(id);
            ledger.append(new StockLedger.Movement(id + ":out", node, t.material(), MovementKind.TRANSFER_OUT, q.negate(), now, null,
                    t.requester(), "emergency transfer " + id), hash, now);
            ledger.append(new StockLedger.Movement(id + ":in", t.requester(), t.material(), MovementKind.TRANSFER_IN, q, now, null,
                    node, "emergency transfer " + id), hash, now);
        }
        store.decideTransfer(id, wanted, now);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.TRANSFER_DECIDED, node, List.of(t.requester()), now,
                Map.of("transfer", id, "status", wanted, "material", t.material(), "quantity", t.quantity())));
        if (accept) {
            buffers.react(node, t.material());
            buffers.react(t.requester(), t.material());
        }
        return transferJson(t, wanted);
    }

    private static Map<String, Object> transferJson(BufferStore.Transfer t, String status) {
        return Map.of("id", t.id(), "requester", t.requester(), "peer", t.peer(), "material", t.material(), "quantity", t.quantity(), "status", status);
    }
}
