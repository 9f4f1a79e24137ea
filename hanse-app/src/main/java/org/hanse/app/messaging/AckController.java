package org.hanse.app.messaging;

import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/nodes/{id}/inbox/{eventId}/ack}: the recipient acknowledges a request it received. */
@RestController
class AckController {

    private final Acknowledgements acknowledgements;

    AckController(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    /**
     * The acknowledgement as answered: status ANSWERED (now or earlier), WITHDRAWN (the request was withdrawn first) or
     * NOT_EXPECTED for an event that asks for no answer.
     */
    record AckResponse(String event, String type, String status, String sentAt, String answeredAt, String delay, int redelivered) {
    }

    @PostMapping("/api/v1/nodes/{id}/inbox/{eventId}/ack")
    AckResponse ack(@PathVariable String id, @PathVariable String eventId, Principal principal) {
        // Only the recipient itself answers: an operator acknowledging would hide the node's silence.
        if (!principal.isNode(id)) {
            throw new ForbiddenException("only node " + id + " acknowledges its own inbox");
        }
        Acknowledgements.Ack a = acknowledgements.acknowledge(id, eventId);
        return new AckResponse(a.event(), a.type(), a.status(), a.sentAt().toString(), a.answeredAt() == null ? null : a.answeredAt().toString(),
                a.answeredAt() == null ? null : java.time.Duration.between(a.sentAt(), a.answeredAt()).toString(), a.redelivered());
    }
}
