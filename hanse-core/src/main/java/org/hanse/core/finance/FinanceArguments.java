package org.hanse.core.finance;

import java.math.BigDecimal;
import org.hanse.core.payment.Money;

/** Argument checks shared by the finance formulas: they refuse what no contract could state. */
final class FinanceArguments {

    /** Longest tenor the formulas accept: ten years of days. */
    static final int MAX_DAYS = 3650;

    private FinanceArguments() {
    }

    static void nonNegative(String name, Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + amount);
        }
    }

    /** A rate or share as a fraction 0…1 (6 % is 0.06). */
    static void fraction(String name, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be a fraction between 0 and 1: " + value);
        }
    }

    static void days(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
        }
    }
}
