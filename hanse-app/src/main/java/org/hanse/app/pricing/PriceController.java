package org.hanse.app.pricing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.hanse.app.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/nodes/{id}/prices}: the supplier's price list; {@code /api/v1/network/exchange-rates}: the operator's rates. */
@RestController
class PriceController {

    private final PriceLists prices;
    private final ExchangeRateService rates;
    private final Validator validator;

    PriceController(PriceLists prices, ExchangeRateService rates, Validator validator) {
        this.prices = prices;
        this.rates = rates;
        this.validator = validator;
    }

    // Who may ask comes first: the body is validated after the caller's right is checked (a stranger learns 403, not
    // what the body lacks), with the same paths Bean Validation gives @Valid bodies.
    @PutMapping("/api/v1/network/exchange-rates")
    ExchangeRateView replaceRates(@RequestBody ExchangeRateRequest body, Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator maintains exchange rates");
        }
        return rates.replace(valid(body), principal);
    }

    /** The reference currency and rates are no secret: any node (or the operator) may read them. */
    @GetMapping("/api/v1/network/exchange-rates")
    ExchangeRateView rates(Principal principal) {
        if (!principal.isOperator()) {
            principal.requireNode();
        }
        return rates.view();
    }

    private <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new Problem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(Problem::path)).toList());
        }
        return body;
    }

    @PutMapping("/api/v1/nodes/{id}/prices")
    PriceListView replace(@PathVariable String id, @RequestBody PriceListRequest body, Principal principal) {
        if (!principal.isNode(id)) {
            throw new ForbiddenException("only " + id + " sets its price list");
        }
        return prices.replace(id, valid(body), principal);
    }

    @GetMapping("/api/v1/nodes/{id}/prices")
    PriceListView read(@PathVariable String id, Principal principal) {
        return prices.read(id, principal);
    }
}
