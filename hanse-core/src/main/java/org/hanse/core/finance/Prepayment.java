package org.hanse.core.finance;

import org.hanse.core.payment.Money;

/**
 * Prepayment (future-goods) financing: goods financed by the lender wait at a supervised location and are released
 * only as far as they are paid for, keeping value of goods released ≤ margin deposit + principal repaid.
 */
public final class Prepayment {

    private Prepayment() {
    }

    /** The value still releasable: margin deposit + principal repaid − value already released (never below zero). */
    public static Money releasable(Money marginDeposit, Money principalRepaid, Money released) {
        FinanceArguments.nonNegative("marginDeposit", marginDeposit);
        FinanceArguments.nonNegative("principalRepaid", principalRepaid);
        FinanceArguments.nonNegative("released", released);
        Money room = marginDeposit.plus(principalRepaid).minus(released);
        return room.isNegative() ? Money.zero(room.currency()) : room;
    }

    /**
     * Checks a release of goods worth {@code value} against the invariant and returns the value released afterwards.
     *
     * @throws IllegalArgumentException when the release would exceed margin deposit + principal repaid
     */
    public static Money release(Money marginDeposit, Money principalRepaid, Money released, Money value) {
        FinanceArguments.nonNegative("value", value);
        Money room = releasable(marginDeposit, principalRepaid, released);
        if (value.amount().compareTo(room.amount()) > 0) {
            throw new IllegalArgumentException("release of " + value + " exceeds margin deposit + principal repaid − released = " + room);
        }
        return released.plus(value);
    }
}
