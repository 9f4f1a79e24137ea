package org.hanse.app.pricing;

import jakarta.validation.Valid;
import org.hanse.app.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/nodes/{id}/prices}: the supplier's price list. */
@RestController
class PriceController {

    private final PriceLists prices;

    PriceController(PriceLists prices) {
        this.prices = prices;
    }

    @PutMapping("/api/v1/nodes/{id}/prices")
    PriceListView replace(@PathVariable String id, @Valid @RequestBody PriceListRequest body, Principal principal) {
        return prices.replace(id, body, principal);
    }

    @GetMapping("/api/v1/nodes/{id}/prices")
    PriceListView read(@PathVariable String id, Principal principal) {
        return prices.read(id, principal);
    }
}
