package org.hanse.app.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.payment.Money;
import org.hanse.core.payment.Prices;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier price lists: the supplier replaces its whole list at once (so a removed price is gone), each entry checked
 * with its path — a material code, a buyer that is an accepted buyer of the supplier, an ISO 4217 currency and an
 * amount with at most the currency's minor digits. A rejected list changes nothing.
 */
@Service
class PriceLists implements PriceBook {

    private final PriceListRepository repository;
    private final Adjacency adjacency;
    private final Clock clock;

    PriceLists(PriceListRepository repository, Adjacency adjacency, Clock clock) {
        this.repository = repository;
        this.adjacency = adjacency;
        this.clock = clock;
    }

    @Transactional
    PriceListView replace(String node, PriceListRequest request, Principal principal) {
        requireSelf(node, principal);
        List<Problem> problems = new ArrayList<>();
        List<Prices.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.prices().size(); i++) {
            PriceListRequest.Entry e = request.prices().get(i);
            String at = "prices[" + i + "]";
            int before = problems.size();
            MaterialCode.Parsed material = MaterialCode.parse(e.material());
            if (!material.ok()) {
                problems.add(new Problem(at + ".material", material.error()));
            }
            if (e.buyer() != null && !adjacency.isSupplierOf(node, e.buyer())) {
                problems.add(new Problem(at + ".buyer", "must be an accepted buyer of " + node));
            }
            Currency currency = currency(e.currency());
            if (currency == null) {
                problems.add(new Problem(at + ".currency", "must be an ISO 4217 code such as EUR"));
            } else if (!Money.exactInMinorUnits(e.unitPrice(), currency)) {
                problems.add(new Problem(at + ".unitPrice", "must have at most " + Money.minorDigits(currency) + " decimals in " + e.currency()));
            }
            if (!seen.add(e.material() + "|" + e.buyer() + "|" + e.validFrom())) {
                problems.add(new Problem(at, "repeats the material, buyer and valid-from date of an earlier entry"));
            }
            if (problems.size() == before) {
                entries.add(new Prices.Entry(e.material(), e.buyer(), e.validFrom(), new Prices.Price(e.unitPrice(), currency)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.replace(node, entries, clock.instant());
        return view(node);
    }

    PriceListView read(String node, Principal principal) {
        principal.requireSelfOrOperator(node);
        return view(node);
    }

    @Override
    public Optional<Prices.Price> listed(String supplier, String buyer, String material, LocalDate on) {
        return Prices.listed(repository.entries(supplier, material), buyer, material, on);
    }

    private PriceListView view(String node) {
        return new PriceListView(node, repository.entries(node, null).stream().map(e -> new PriceListView.Entry(e.material(), e.buyer(),
                new Money(e.price().unitPrice(), e.price().currency()).plain(), e.price().currency().getCurrencyCode(), e.validFrom())).toList());
    }

    private static void requireSelf(String node, Principal principal) {
        // Only the supplier itself sets its prices; the operator may read them but does not trade.
        if (!principal.isNode(node)) {
            throw new org.hanse.app.web.ForbiddenException("only " + node + " sets its price list");
        }
    }

    static Currency currency(String code) {
        try {
            return code != null && code.matches("[A-Z]{3}") ? Currency.getInstance(code) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
