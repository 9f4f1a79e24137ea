package org.hanse.app.logistics;

import java.util.Map;
import org.hanse.app.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/shipments}: logistics units and their milestones. */
@RestController
class ShipmentController {

    private final Shipments shipments;

    ShipmentController(Shipments shipments) {
        this.shipments = shipments;
    }

    @PostMapping("/api/v1/shipments")
    ResponseEntity<Map<String, Object>> create(@RequestBody Shipments.Create body, Principal principal) {
        Shipments.Outcome outcome = shipments.create(body, principal);
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.shipment());
    }

    @PostMapping("/api/v1/shipments/{id}/milestones")
    ResponseEntity<Map<String, Object>> milestone(@PathVariable String id, @RequestBody Shipments.Record body, Principal principal) {
        Shipments.Outcome outcome = shipments.milestone(id, body, principal);
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.shipment());
    }

    @GetMapping("/api/v1/shipments/{id}")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return shipments.read(id, principal);
    }
}
