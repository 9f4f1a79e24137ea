package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * Invoices and credit notes of a logistics unit (RULES 3.7). The unit is invoiced once it is accepted, on the accepted
 * quantity × the order line's unit price; the rejected quantity × the same price is a credit note, so invoice +
 * credit note = what the unit would have cost in full. Each amount is rounded once to the currency's minor unit.
 */
public final class Invoicing {

    private Invoicing() {
    }

    /** What an accepted unit bills: the invoice on the accepted quantity and the credit note on the rejected one. */
    public record Bill(Money invoice, Money creditNote) {

        /** The unit at its full (delivered) quantity: invoice + credit note. */
        public Money gross() {
            return invoice.plus(creditNote);
        }

        /** Whether a credit note is to be issued (something was rejected). */
        public boolean credits() {
            return creditNote.amount().signum() > 0;
        }
    }

    /**
     * Bills a unit after inspection.
     *
     * @throws IllegalArgumentException when a quantity or the price is negative
     */
    public static Bill bill(BigDecimal accepted, BigDecimal rejected, BigDecimal unitPrice, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (accepted.signum() < 0 || rejected.signum() < 0 || unitPrice.signum() < 0) {
            throw new IllegalArgumentException("quantities and the unit price must be ≥ 0");
        }
        return new Bill(Money.priceTimes(unitPrice, accepted, currency), Money.priceTimes(unitPrice, rejected, currency));
    }

    /**
     * Whether an instalment due at {@code dueAt} and still unpaid at {@code now} is overdue: only after its due date plus
     * the network's grace period (an instalment is not "late" the second it falls due).
     */
    public static boolean overdue(Instant dueAt, Instant now, Duration grace) {
        return dueAt != null && now.isAfter(dueAt.plus(grace));
    }
}
