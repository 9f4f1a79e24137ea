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

    private final PaymentTermsBook terms;
    private final PaymentMatching matching;
    private final PaymentRecords records;
    private final PaymentSynchronisation synchronisation;
    private final Corrections corrections;
    private final Instalments instalments;

    PaymentController(PaymentTermsBook terms, PaymentMatching matching, PaymentRecords records, PaymentSynchronisation synchronisation,
                      Corrections corrections, Instalments instalments) {
        this.terms = terms;
        this.matching = matching;
        this.records = records;
        this.synchronisation = synchronisation;
        this.corrections = corrections;
        this.instalments = instalments;
    }

    @PostMapping("/api/v1/corrections")
    ResponseEntity<Map<String, Object>> correct(@RequestBody Corrections.Request body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(corrections.request(body, principal));
    }

    @PostMapping("/api/v1/corrections/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, Principal principal) {
        return corrections.decide(id, true, principal);
    }

    @PostMapping("/api/v1/corrections/{id}/decline")
    Map<String, Object> decline(@PathVariable String id, Principal principal) {
        return corrections.decide(id, false, principal);
    }

    @GetMapping("/api/v1/corrections/{id}")
    Map<String, Object> correction(@PathVariable String id, Principal principal) {
        return corrections.read(id, principal);
    }

    @GetMapping("/api/v1/rhythm")
    Map<String, Object> rhythm(@RequestParam String buyer, @RequestParam String supplier, Principal principal) {
        return corrections.rhythm(buyer, supplier, principal);
    }

    @PutMapping("/api/v1/terms")
    Map<String, Object> setTerms(@RequestBody PaymentTermsBook.Terms body, Principal principal) {
        return terms.setTerms(body, principal);
    }

    @GetMapping("/api/v1/terms")
    Map<String, Object> terms(@RequestParam String buyer, @RequestParam String supplier, @RequestParam(required = false) String order,
                              Principal principal) {
        return terms.readTerms(buyer, supplier, order, principal);
    }

    @PostMapping("/api/v1/payments")
    ResponseEntity<Map<String, Object>> pay(@RequestBody PaymentMatching.Pay body, Principal principal) {
        PaymentMatching.Outcome outcome = matching.pay(body, principal);
        return ResponseEntity.status(outcome.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome.payment());
    }

    /** Body of a match: the allocations of an unmatched payment. */
    record Match(List<PaymentMatching.Allocation> allocations) {
    }

    @PostMapping("/api/v1/payments/{id}/match")
    Map<String, Object> match(@PathVariable String id, @RequestBody Match body, Principal principal) {
        return matching.match(id, body.allocations(), principal);
    }

    @GetMapping("/api/v1/payments/{id}")
    Map<String, Object> read(@PathVariable String id, Principal principal) {
        return records.read(id, principal);
    }

    @GetMapping("/api/v1/nodes/{id}/payments/sync")
    Map<String, Object> nodeSeries(@PathVariable String id, @RequestParam(defaultValue = "12") int weeks, Principal principal) {
        return synchronisation.nodeSeries(id, weeks, principal);
    }

    @GetMapping("/api/v1/payments/sync")
    Map<String, Object> sync(@RequestParam String buyer, @RequestParam String supplier, Principal principal) {
        Map<String, Object> sync = synchronisation.sync(buyer, supplier, principal);
        // Every instalment due counts, paid or not (PaymentSynchronisation.sync sees only the matches): 4 decimals like the other figures.
        sync.put("creditRecord", Math.round(instalments.credit(buyer, supplier) * 10_000) / 10_000.0);
        return sync;
    }
}
