package org.hanse.core.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hanse.core.payment.Money;

/**
 * Annuity (level-payment) schedule of a term loan with monthly instalments and 30/360 day count: instalment
 * A = P · r / (1 − (1 + r)^−n) with r = annual rate · 30/360, rounded to the minor unit; each month's interest is the
 * open balance × r rounded, the rest repays principal, and the last instalment repays whatever is left so the principal
 * sums exactly. 100 at 9.4822 % for six months from 2024-01-01: 17.13 a month, interest 0.79, 0.66, 0.53, 0.40, 0.27, 0.13.
 */
public final class Annuity {

    /** Longest schedule accepted: 40 years of months. */
    public static final int MAX_INSTALMENTS = 480;

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private Annuity() {
    }

    /** One instalment: its due date, amount, interest and principal parts, and the balance left after it. */
    public record Instalment(int number, LocalDate due, Money amount, Money interest, Money principal, Money balance) {
    }

    /** The schedule of {@code count} monthly instalments, the first due one month after {@code start}. */
    public static List<Instalment> schedule(Money principal, BigDecimal annualRate, int count, LocalDate start) {
        FinanceArguments.nonNegative("principal", principal);
        FinanceArguments.fraction("annualRate", annualRate);
        if (count < 1 || count > MAX_INSTALMENTS) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_INSTALMENTS + ": " + count);
        }
        Money level = instalment(principal, annualRate, count);
        List<Instalment> schedule = new ArrayList<>(count);
        Money balance = principal;
        LocalDate from = start;
        for (int k = 1; k <= count; k++) {
            LocalDate due = start.plusMonths(k);
            Money interest = balance.times(periodRate(annualRate, from, due));
            Money repaid = k == count ? balance : level.minus(interest);
            balance = balance.minus(repaid);
            schedule.add(new Instalment(k, due, interest.plus(repaid), interest, repaid, balance));
            from = due;
        }
        return schedule;
    }

    /** The level instalment A = P · r / (1 − (1 + r)^−n), r the monthly rate under 30/360; P / n at a zero rate. */
    public static Money instalment(Money principal, BigDecimal annualRate, int count) {
        if (annualRate.signum() == 0) {
            return new Money(principal.amount().divide(BigDecimal.valueOf(count), PRECISION), principal.currency());
        }
        BigDecimal r = annualRate.multiply(BigDecimal.valueOf(30)).divide(BigDecimal.valueOf(360), PRECISION);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(count, PRECISION);
        // P·r/(1 − (1+r)^−n) = P·r·g/(g − 1): one division, no negative power.
        BigDecimal a = principal.amount().multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), PRECISION);
        return new Money(a.setScale(Money.minorDigits(principal.currency()), RoundingMode.HALF_EVEN), principal.currency());
    }

    /** The rate of one period under 30/360 (US): annual rate × days360(from, to) / 360. */
    static BigDecimal periodRate(BigDecimal annualRate, LocalDate from, LocalDate to) {
        return annualRate.multiply(BigDecimal.valueOf(days360(from, to))).divide(BigDecimal.valueOf(360), PRECISION);
    }

    /** Days between two dates under 30/360: every month counts 30 days (day 31 counts as 30). */
    public static int days360(LocalDate from, LocalDate to) {
        int d1 = Math.min(from.getDayOfMonth(), 30);
        int d2 = to.getDayOfMonth() == 31 && d1 == 30 ? 30 : to.getDayOfMonth();
        return 360 * (to.getYear() - from.getYear()) + 30 * (to.getMonthValue() - from.getMonthValue()) + d2 - d1;
    }
}
