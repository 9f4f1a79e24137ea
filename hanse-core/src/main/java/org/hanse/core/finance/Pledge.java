package org.hanse.core.finance;

import java.math.BigDecimal;
import java.util.List;
import org.hanse.core.payment.Money;

/**
 * Pledge (inventory) financing: the lender lends up to the pledged stock's value × the advance rate (the haircut being
 * 1 − advance rate), and calls for margin when the stock's value falls below the cover the outstanding loan requires.
 */
public final class Pledge {

    private Pledge() {
    }

    /** Sum of the pledged lots' values × the advance rate: 120,000 + 270,000 at 75.125 % → 292,987.50. */
    public static Money lendingValue(List<Money> pledgedValues, BigDecimal advanceRate) {
        FinanceArguments.fraction("advanceRate", advanceRate);
        if (pledgedValues.isEmpty()) {
            throw new IllegalArgumentException("nothing pledged");
        }
        Money total = Money.zero(pledgedValues.get(0).currency());
        for (Money value : pledgedValues) {
            FinanceArguments.nonNegative("pledged value", value);
            total = total.plus(value);
        }
        // One rounding on the total, so the lots' order or split does not move a cent.
        return total.times(advanceRate);
    }

    /** The haircut the lender takes off the stock's value: 1 − advance rate. */
    public static BigDecimal haircut(BigDecimal advanceRate) {
        FinanceArguments.fraction("advanceRate", advanceRate);
        return BigDecimal.ONE.subtract(advanceRate);
    }

    /** The outcome of a margin check: the required cover and what the pledgor must add (zero when covered). */
    public record MarginCheck(Money pledgedValue, Money requiredCover, Money shortfall) {

        /** Whether the pledged value is below the required cover: a margin call. */
        public boolean marginCall() {
            return shortfall.amount().signum() > 0;
        }
    }

    /**
     * Margin test: the stock must cover the outstanding loan at the advance rate, required cover = outstanding / advance
     * rate (rounded up to the minor unit, so a cent short is a call); below it the shortfall is called.
     */
    public static MarginCheck marginCheck(Money pledgedValue, Money outstanding, BigDecimal advanceRate) {
        FinanceArguments.nonNegative("pledgedValue", pledgedValue);
        FinanceArguments.nonNegative("outstanding", outstanding);
        FinanceArguments.fraction("advanceRate", advanceRate);
        if (advanceRate.signum() == 0) {
            throw new IllegalArgumentException("advanceRate must be above 0 to cover a loan");
        }
        int digits = Money.minorDigits(outstanding.currency());
        BigDecimal cover = outstanding.amount().divide(advanceRate, digits, java.math.RoundingMode.CEILING);
        Money required = new Money(cover, outstanding.currency());
        Money shortfall = required.minus(pledgedValue);
        return new MarginCheck(pledgedValue, required, shortfall.isNegative() ? Money.zero(outstanding.currency()) : shortfall);
    }
}
