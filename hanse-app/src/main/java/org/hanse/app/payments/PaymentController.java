package org.hanse.app.payments;

import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/terms}, {@code /api/v1/payments}, {@code /api/v1/payments/sync}: terms, payments and their synchronisation. */
@RestController
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    @PutMapping("/api/v1/terms")
    Map<String, Object> setTerms(@RequestBody Payments.Terms body, Principal principal) {
        return payments.setTerms(body, principal);
    }

    @GetMapping("/api/v1/terms")
    Map<String, Object> terms(@RequestParam String buyer, @RequestParam String supplier, @RequestParam(required = false) String order,
                              Principal principal) {
        return payments.readTerms(buyer, supplier, order, principal);
    }

    @PostMapping("/api/v1/payments")
    ResponseEntity<Map<String, Object>> pay(@RequestBody Payments.Pay body, Principal principal) {
        Payments.Outcome outcome = payments.pay(body, principal);
        return ResponseEntity.status(outcome.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome.payment());
    }

    /** Body of a match: the allocations of an unmatched payment. */
    record Match(List<Payments.Allocation> allocations) {
    }

    @PostMapping("/api/v1/payments/{id}/match")
    Map<String, Object> match(@PathVariable String id, @RequestBody Match body, Principal principal) {
        return payments.match(id, body.allocations(), principal);
    }

    @GetMapping("/api/v1/payments/{id}")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return payments.read(id, principal);
    }

    @GetMapping("/api/v1/payments/sync")
    Map<String, Object> sync(@RequestParam String buyer, @RequestParam String supplier, Principal principal) {
        return payments.sync(buyer, supplier, principal);
    }
}
