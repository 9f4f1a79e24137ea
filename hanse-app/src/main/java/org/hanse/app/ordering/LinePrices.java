package org.hanse.app.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.pricing.PriceBook;
import org.hanse.core.payment.Money;
import org.hanse.core.payment.Prices;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Component;

/**
 * Prices the lines of a planned order and its component orders at placement: each supplier's list for its buyer on
 * the order date (UTC), or the buyer's stated price — confirmed when the list agrees, else "price to confirm"
 * ({@code Prices.resolve}). Lines without a price stay unpriced; the order's value is then unknown.
 */
@Component
class LinePrices {

    private final PriceBook prices;

    LinePrices(PriceBook prices) {
        this.prices = prices;
    }

    /** The plan with every line priced; the root's lines may carry the buyer's stated prices (same order as its lines). */
    PlannedOrder price(PlannedOrder root, PlaceOrder request, Instant now) {
        LocalDate on = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Prices.Price> stated = request.lines().stream().map(PlaceOrder.RequestedLine::statedPrice).toList();
        return price(root, stated, on);
    }

    private PlannedOrder price(PlannedOrder p, List<Prices.Price> stated, LocalDate on) {
        List<PlannedOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < p.lines().size(); i++) {
            PlannedOrder.Line l = p.lines().get(i);
            Optional<Prices.Price> given = i < stated.size() ? Optional.ofNullable(stated.get(i)) : Optional.empty();
            lines.add(l.priced(Prices.resolve(prices.listed(p.supplier(), p.buyer(), l.material(), on), given)));
        }
        // Component orders take their own supplier's price; nobody states one for them.
        List<PlannedOrder> children = p.children().stream().map(c -> price(c, List.of(), on)).toList();
        return p.with(lines, children);
    }

    /** The stated price of a request line ({@code unitPrice} and {@code currency} together), or null with the problems added. */
    static Prices.Price stated(String path, Object unitPrice, Object currency, List<Problem> problems) {
        int before = problems.size();
        BigDecimal amount = unitPrice == null ? null : Numbers.read(path + ".unitPrice", unitPrice, Numbers.MONEY, problems);
        if (unitPrice == null) {
            problems.add(new Problem(path + ".unitPrice", "is required with a currency"));
        }
        Currency code = null;
        try {
            code = currency instanceof String c && c.matches("[A-Z]{3}") ? Currency.getInstance(c) : null;
        } catch (IllegalArgumentException e) {
            code = null;
        }
        if (code == null) {
            problems.add(new Problem(path + ".currency", "must be an ISO 4217 code such as EUR"));
        } else if (amount != null && !Money.exactInMinorUnits(amount, code)) {
            problems.add(new Problem(path + ".unitPrice", "must have at most " + Money.minorDigits(code) + " decimals in " + code));
        }
        return problems.size() == before && amount != null ? new Prices.Price(amount, code) : null;
    }

    /** An order's value from its stored lines (price × the supplier's quantity), when every line is priced in one currency. */
    static Optional<Money> value(List<Map<String, Object>> lines) {
        List<Prices.Priced> priced = new ArrayList<>();
        for (Map<String, Object> l : lines) {
            Object price = l.get("unitPrice");
            Object currency = l.get("currency");
            Object quantity = l.get("supplierQuantity");
            priced.add(new Prices.Priced(price == null || currency == null ? null
                    : new Prices.Price(new BigDecimal(price.toString()), Currency.getInstance(currency.toString())),
                    quantity == null ? BigDecimal.ZERO : new BigDecimal(quantity.toString())));
        }
        return Prices.value(priced);
    }
}
