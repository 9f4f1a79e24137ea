package org.hanse.core.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.hanse.core.payment.Money;

/**
 * What a financing offer costs per year, so offers of different tenors compare side by side: the borrower receives
 * {@code received} now and repays {@code repaid} after {@code days}. Simple annual cost = (repaid − received) / received ×
 * 365 / days (actual/365, exact); effective annual cost = (repaid / received)^(365 / days) − 1 (compounded). Both are
 * fractions rounded half-even to six digits (0.063212 = 6.3212 %).
 */
public record OfferCost(BigDecimal simpleAnnual, BigDecimal effectiveAnnual) {

    private static final int DIGITS = 6;

    /** The annual cost of receiving {@code received} now and repaying {@code repaid} in {@code days}. */
    public static OfferCost of(Money received, Money repaid, int days) {
        FinanceArguments.days(days);
        if (received.amount().signum() <= 0) {
            throw new IllegalArgumentException("received must be above zero: " + received);
        }
        FinanceArguments.nonNegative("repaid", repaid);
        BigDecimal ratio = repaid.amount().divide(received.amount(), MathContext.DECIMAL128);
        BigDecimal simple = ratio.subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(365))
                .divide(BigDecimal.valueOf(days), DIGITS, RoundingMode.HALF_EVEN);
        // A fractional power has no exact decimal; a double carries 15–16 digits, far beyond the six kept.
        double effective = Math.pow(ratio.doubleValue(), 365.0 / days) - 1.0;
        return new OfferCost(simple, new BigDecimal(effective).setScale(DIGITS, RoundingMode.HALF_EVEN));
    }

    /** The cost of a discounted receivable: the borrower receives proceeds − fees and the face is repaid at maturity. */
    public static OfferCost ofDiscount(BankDiscount discount, Money fees) {
        FinanceArguments.nonNegative("fees", fees);
        return of(discount.proceeds().minus(fees), discount.face(), discount.days());
    }
}
