package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices of order lines (RULES 3.7). A supplier lists a unit price per material, in its own unit, valid from a date;
 * a price for one buyer (negotiated on the link) wins over the general one. At placement a line takes the listed price
 * valid on the order date; a buyer who states a price keeps it, confirmed when the list says the same and flagged
 * "price to confirm" otherwise. A line without any price stays valid: its value is unknown.
 */
public final class Prices {

    private Prices() {
    }

    /** A unit price in a currency. */
    public record Price(BigDecimal unitPrice, Currency currency) {
        public Price {
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(currency, "currency");
            if (unitPrice.signum() < 0) {
                throw new IllegalArgumentException("a price must be ≥ 0");
            }
        }

        /** The same amount in the same currency (389 = 389.00). */
        public boolean sameAs(Price other) {
            return currency.equals(other.currency) && unitPrice.compareTo(other.unitPrice) == 0;
        }
    }

    /** One entry of a supplier's list: the material, the buyer it was negotiated with (null: every buyer), from when. */
    public record Entry(String material, String buyer, LocalDate validFrom, Price price) {
    }

    /** Where a line's price came from. */
    public enum Status {
        /** From the supplier's list. */
        LISTED,
        /** Stated by the buyer and equal to the supplier's list. */
        CONFIRMED,
        /** Stated by the buyer, but the list has another price or none: the supplier is to confirm it. */
        TO_CONFIRM,
        /** No price anywhere: the line's value is unknown. */
        NONE
    }

    /** A line's price (null for NONE) and where it came from. */
    public record Resolved(Price price, Status status) {
    }

    /** The entry valid for {@code buyer} and {@code material} on {@code date}: the buyer's own price first, then the general one. */
    public static Optional<Price> listed(List<Entry> entries, String buyer, String material, LocalDate date) {
        Comparator<Entry> newest = Comparator.comparing(Entry::validFrom);
        Optional<Entry> own = entries.stream().filter(e -> e.material().equals(material) && buyer.equals(e.buyer()) && !e.validFrom().isAfter(date))
                .max(newest);
        if (own.isPresent()) {
            return own.map(Entry::price);
        }
        return entries.stream().filter(e -> e.material().equals(material) && e.buyer() == null && !e.validFrom().isAfter(date))
                .max(newest).map(Entry::price);
    }

    /** A line's price from the list and what the buyer stated (either may be absent). */
    public static Resolved resolve(Optional<Price> listed, Optional<Price> stated) {
        if (stated.isEmpty()) {
            return listed.map(p -> new Resolved(p, Status.LISTED)).orElse(new Resolved(null, Status.NONE));
        }
        boolean same = listed.isPresent() && listed.get().sameAs(stated.get());
        return new Resolved(stated.get(), same ? Status.CONFIRMED : Status.TO_CONFIRM);
    }

    /** A priced quantity of a line. */
    public record Priced(Price price, BigDecimal quantity) {
    }

    /**
     * An order's value: Σ quantity × unit price, each line rounded to the currency; empty when a line has no price or
     * the lines are in different currencies (the value is then unknown rather than wrong).
     */
    public static Optional<Money> value(List<Priced> lines) {
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.price() == null)) {
            return Optional.empty();
        }
        Currency currency = lines.get(0).price().currency();
        if (lines.stream().anyMatch(l -> !l.price().currency().equals(currency))) {
            return Optional.empty();
        }
        Money sum = Money.zero(currency);
        for (Priced l : lines) {
            sum = sum.plus(Money.priceTimes(l.price().unitPrice(), l.quantity(), currency));
        }
        return Optional.of(sum);
    }
}
