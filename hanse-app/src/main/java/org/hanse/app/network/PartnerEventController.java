package org.hanse.app.network;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/events}: a node sends an event to its neighbours (or a proxy event about one). */
@RestController
class PartnerEventController {

    private final PartnerEvents partnerEvents;

    PartnerEventController(PartnerEvents partnerEvents) {
        this.partnerEvents = partnerEvents;
    }

    @PostMapping("/api/v1/events")
    ResponseEntity<Map<String, Object>> send(@RequestBody PartnerEvents.Send send, Principal principal) {
        NodeEvents.Publication publication = partnerEvents.send(send, principal);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", org.hanse.core.node.OwnedId.shown(publication.event().id(), principal.nodeId()));
        body.put("type", publication.event().type().name());
        body.put("recipients", publication.event().recipients());
        body.put("proxy", publication.event().proxy());
        body.put("replay", publication.replay());
        return ResponseEntity.status(publication.replay() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
    }
}
