package org.hanse.core.finance;

import java.math.BigDecimal;
import org.hanse.core.payment.Money;

/**
 * Receivables financing: the lender advances a share of the eligible invoice amount now and, once the buyer pays the
 * face, returns the rebate = face − advance − discount − fees to the supplier.
 */
public final class Receivables {

    private Receivables() {
    }

    /** advance = eligible × advance rate (a fraction), rounded to the currency. */
    public static Money advance(Money eligible, BigDecimal advanceRate) {
        FinanceArguments.nonNegative("eligible", eligible);
        FinanceArguments.fraction("advanceRate", advanceRate);
        return eligible.times(advanceRate);
    }

    /**
     * The rebate owed to the supplier at collection: face − advance − discount − fees.
     *
     * @throws IllegalArgumentException when an amount is negative or the charges exceed the face (nothing is due back
     *         then: the supplier owes the lender, which is a recourse claim, not a rebate)
     */
    public static Money rebate(Money face, Money advance, Money discount, Money fees) {
        FinanceArguments.nonNegative("face", face);
        FinanceArguments.nonNegative("advance", advance);
        FinanceArguments.nonNegative("discount", discount);
        FinanceArguments.nonNegative("fees", fees);
        Money rebate = face.minus(advance).minus(discount).minus(fees);
        if (rebate.isNegative()) {
            throw new IllegalArgumentException("advance, discount and fees exceed the face " + face + ": short by " + rebate.amount().negate());
        }
        return rebate;
    }
}
