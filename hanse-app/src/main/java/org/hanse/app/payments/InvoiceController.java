package org.hanse.app.payments;

import org.hanse.app.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/nodes/{id}/invoices}, {@code /api/v1/invoices/{id}}: invoices and credit notes of logistics units. */
@RestController
class InvoiceController {

    private final InvoiceViews invoices;

    InvoiceController(InvoiceViews invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/nodes/{id}/invoices")
    InvoiceViews.Listing list(@PathVariable String id, Principal principal) {
        return invoices.of(id, principal);
    }

    @GetMapping("/api/v1/invoices/{id}")
    InvoiceViews.Detail read(@PathVariable String id, Principal principal) {
        return invoices.read(id, principal);
    }
}
