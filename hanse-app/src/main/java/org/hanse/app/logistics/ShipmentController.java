package org.hanse.app.logistics;

import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/shipments}: logistics units and their milestones. */
@RestController
class ShipmentController {

    private final Shipments shipments;
    private final ShipmentQueue queue;

    ShipmentController(Shipments shipments, ShipmentQueue queue) {
        this.shipments = shipments;
        this.queue = queue;
    }

    /** The supplier's open orders of a material in release order: exception priority of the pair, then urgency. */
    @GetMapping("/api/v1/nodes/{id}/shipping-queue")
    Map<String, Object> queue(@PathVariable String id, @RequestParam(required = false) String material, Principal principal) {
        // Who may ask comes first: a stranger learns 403, not which parameters the queue takes.
        principal.requireSelfOrOperator(id);
        if (material == null || material.isBlank() || material.length() > 40) {
            throw new InvalidInputException("material", "must be a material code of 1 to 40 characters");
        }
        return Map.of("items", queue.queue(id, material));
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
