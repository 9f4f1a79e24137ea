package org.hanse.core.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in an ISO 4217 currency, kept at the currency's minor-unit scale (EUR 2, JPY 0, KWD 3), rounded half-even. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    /** Zero in the currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The currency's minor-unit digits (EUR 2, JPY 0, KWD 3; currencies without one are kept at 0). */
    public static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * Whether {@code amount} is exact at the currency's minor unit (no digits beyond it, trailing zeros aside): a price
     * typed with more digits would be rounded silently, so inputs are refused instead.
     */
    public static boolean exactInMinorUnits(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= minorDigits(currency);
    }

    /** unit price × quantity, rounded once to the currency (the quantity may have decimals: 2.5 m at 4.10 EUR). */
    public static Money priceTimes(BigDecimal unitPrice, BigDecimal quantity, Currency currency) {
        return new Money(unitPrice.multiply(quantity), currency);
    }

    /** The amount as a plain decimal string at the minor-unit scale: "7391.00", "1000" (JPY), "1.234" (KWD). */
    public String plain() {
        return amount.toPlainString();
    }

    /** For people: thousands grouped with commas, the minor digits, the code — "7,391.00 EUR". */
    public String display() {
        int digits = minorDigits(currency);
        String pattern = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
        java.text.DecimalFormat format = new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount) + " " + currency.getCurrencyCode();
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times a fraction, rounded to the currency. */
    public Money times(BigDecimal fraction) {
        return new Money(amount.multiply(fraction), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
