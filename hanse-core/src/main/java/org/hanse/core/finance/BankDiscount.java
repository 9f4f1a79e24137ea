package org.hanse.core.finance;

import java.math.BigDecimal;
import org.hanse.core.payment.Money;

/**
 * Bank discount on a face amount due in {@code days}: D = F · d · days / 360 (money-market convention), rounded once to
 * the currency's minor unit; the proceeds paid out now are F − D. 10,000 at 6 % for 90 days: D = 150.00, proceeds 9,850.00.
 */
public record BankDiscount(Money face, BigDecimal rate, int days, Money discount) {

    private static final BigDecimal YEAR = BigDecimal.valueOf(360);

    /** Discounts {@code face} at the annual discount rate {@code rate} (a fraction: 6 % = 0.06) for {@code days}. */
    public static BankDiscount of(Money face, BigDecimal rate, int days) {
        FinanceArguments.nonNegative("face", face);
        FinanceArguments.fraction("rate", rate);
        FinanceArguments.days(days);
        // Divide last and only once: the Money constructor rounds the exact product, so no intermediate rounding.
        BigDecimal exact = face.amount().multiply(rate).multiply(BigDecimal.valueOf(days))
                .divide(YEAR, face.amount().scale() + rate.scale() + 12, java.math.RoundingMode.HALF_EVEN);
        return new BankDiscount(face, rate, days, new Money(exact, face.currency()));
    }

    /** What is paid out now: face − discount. */
    public Money proceeds() {
        return face.minus(discount);
    }
}
