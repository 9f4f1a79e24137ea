package org.hanse.core.trust;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A supplier's rating of its buyer for one instalment (RULES 3.8, two-way trust): punctuality from the amount-weighted
 * lateness of the payments against the due date over the credit period (at least one day), completeness = paid / due
 * (capped at 1), information 1 (an instalment carries no status claims).
 */
public final class BuyerRating {

    /** The shortest credit period lateness is measured against: an instalment due at its milestone still gets a day. */
    public static final Duration MIN_CREDIT = Duration.ofDays(1);

    private BuyerRating() {
    }

    /** One payment toward the instalment. */
    public record Paid(BigDecimal amount, Instant at) {
    }

    /** The lateness of the instalment's money: Σ amount_k · max(0, at_k − due) / Σ amount_k, to the second. */
    public static Duration lateness(List<Paid> payments, Instant due) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Paid p : payments) {
            long late = Math.max(0, Duration.between(due, p.at()).toSeconds());
            total = total.add(p.amount());
            weighted = weighted.add(p.amount().multiply(BigDecimal.valueOf(late)));
        }
        return total.signum() == 0 ? Duration.ZERO : Duration.ofSeconds(weighted.divide(total, MathContext.DECIMAL64).longValue());
    }

    /** The instalment's qualities: punctuality, completeness, information. */
    public static Dimensions rate(List<Paid> payments, Instant due, Duration creditPeriod, BigDecimal amountDue) {
        Duration credit = creditPeriod.compareTo(MIN_CREDIT) < 0 ? MIN_CREDIT : creditPeriod;
        double punctuality = Reciprocity.punctuality(lateness(payments, due), credit);
        BigDecimal paid = payments.stream().map(Paid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        double completeness = amountDue.signum() <= 0 ? 1 : Reciprocity.qualified(paid.doubleValue(), amountDue.doubleValue());
        return new Dimensions(punctuality, completeness, 1);
    }

    /**
     * Whether an instalment still short of its amount at {@code now} is overdue by its whole credit period (at least a
     * day): then it is rated without waiting for the rest, which can no longer score any punctuality.
     */
    public static boolean longOverdue(Instant due, Duration creditPeriod, Instant now) {
        Duration credit = creditPeriod.compareTo(MIN_CREDIT) < 0 ? MIN_CREDIT : creditPeriod;
        return !now.isBefore(due.plus(credit));
    }

    /** An instalment rated while still short: the unpaid rest counts as paid {@code now} for lateness and not at all for completeness. */
    public static Dimensions rateOverdue(List<Paid> payments, Instant due, Duration creditPeriod, BigDecimal amountDue, Instant now) {
        BigDecimal paid = payments.stream().map(Paid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Paid> withRest = new java.util.ArrayList<>(payments);
        if (amountDue.compareTo(paid) > 0) {
            withRest.add(new Paid(amountDue.subtract(paid), now));
        }
        Dimensions timed = rate(withRest, due, creditPeriod, amountDue);
        double completeness = amountDue.signum() <= 0 ? 1 : Reciprocity.qualified(paid.doubleValue(), amountDue.doubleValue());
        return new Dimensions(timed.punctuality(), completeness, 1);
    }
}
