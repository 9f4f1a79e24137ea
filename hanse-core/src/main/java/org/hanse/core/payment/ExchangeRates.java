package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network's reference currency and the operator's exchange rates, each valid from its date until the next rate of
 * the same currency: {@code rate} reference units for one unit of {@code currency} (USD at 0.92 with reference EUR:
 * 500 USD = 460 EUR). Converting an amount uses the rate valid on the given date; without one it is unknown.
 */
public record ExchangeRates(Currency reference, List<Rate> rates) {

    /** One rate: reference units per unit of {@code currency}, from {@code validFrom} on. */
    public record Rate(Currency currency, LocalDate validFrom, BigDecimal rate) {
        public Rate {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(validFrom, "validFrom");
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("a rate must be > 0");
            }
        }
    }

    public ExchangeRates {
        Objects.requireNonNull(reference, "reference");
        rates = List.copyOf(rates);
    }

    /** The rate of {@code currency} valid on {@code date} (1 for the reference currency), if any. */
    public Optional<BigDecimal> rate(Currency currency, LocalDate date) {
        if (currency.equals(reference)) {
            return Optional.of(BigDecimal.ONE);
        }
        return rates.stream().filter(r -> r.currency().equals(currency) && !r.validFrom().isAfter(date))
                .max(Comparator.comparing(Rate::validFrom)).map(Rate::rate);
    }

    /** {@code amount} in the reference currency at the rate valid on {@code date}, rounded to its minor unit; empty without a rate. */
    public Optional<Money> convert(Money amount, LocalDate date) {
        return rate(amount.currency(), date).map(r -> new Money(amount.amount().multiply(r), reference));
    }
}
