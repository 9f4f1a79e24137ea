package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The logistics–capital synchronisation measures of RULES 3.7: the amount-weighted deviation between payment and
 * arrival, the buyer's credit record, and the correction path chosen from the capital-to-inventory turnover ratio.
 */
public final class Synchronisation {

    /** Grace after a due date within which a payment still counts as on time. */
    public static final Duration GRACE = Duration.ofDays(org.hanse.core.parameters.NetworkParameters.DEFAULTS.payment().graceDays());
    /** How far back the credit record looks. */
    public static final Duration CREDIT_WINDOW = Duration.ofDays(org.hanse.core.parameters.NetworkParameters.DEFAULTS.payment().creditWindowDays());

    private Synchronisation() {
    }

    /** A payment of part of a unit: how much, when paid, when the goods arrived. */
    public record Payment(BigDecimal amount, Instant paidAt, Instant arrivedAt) {
    }

    /** Δ = Σ amount · (t_payment − t_arrival) / Σ amount, in days (negative: paid before arrival); times to the second. */
    public static double deviationDays(List<Payment> payments) {
        double[] amount = new double[payments.size()];
        long[] paid = new long[amount.length];
        long[] arrived = new long[amount.length];
        for (int k = 0; k < amount.length; k++) {
            Payment p = payments.get(k);
            amount[k] = p.amount().doubleValue();
            paid[k] = p.paidAt().getEpochSecond();
            arrived[k] = p.arrivedAt().getEpochSecond();
        }
        return deviationDays(amount, paid, arrived, 0, amount.length);
    }

    /** Δ over payments kept as parallel arrays (amounts, epoch seconds paid and arrived; entries [from, to)). */
    public static double deviationDays(double[] amount, long[] paidSeconds, long[] arrivedSeconds, int from, int to) {
        double weighted = 0;
        double total = 0;
        for (int k = from; k < to; k++) {
            weighted += amount[k] * ((paidSeconds[k] - arrivedSeconds[k]) / 86_400.0);
            total += amount[k];
        }
        return total == 0 ? 0 : weighted / total;
    }

    /** An instalment against its due date; {@code paidAt} is null while it is unpaid. */
    public record Settlement(Instant dueAt, Instant paidAt) {
    }

    /** Marks an unpaid instalment in the array form of {@link #creditRecord(long[], long[], int, int, long)}. */
    public static final long UNPAID = Long.MAX_VALUE;

    /** c with the default grace of two days. */
    public static double creditRecord(List<Settlement> settlements, Instant now) {
        return creditRecord(settlements, now, org.hanse.core.parameters.NetworkParameters.DEFAULTS.payment());
    }

    /**
     * c = share of the instalments due in the network's credit window (default 180 days) that were paid by due date +
     * grace. Every instalment due in the window counts, paid or not: one still unpaid past due + grace counts as late
     * (its days outstanding keep growing, see {@link #daysOutstanding}); one unpaid but still within its grace is not
     * decided yet and not counted. 1 when nothing counts; times to the second.
     */
    public static double creditRecord(List<Settlement> settlements, Instant now, org.hanse.core.parameters.NetworkParameters.PaymentParameters p) {
        long[] due = new long[settlements.size()];
        long[] paid = new long[due.length];
        for (int k = 0; k < due.length; k++) {
            due[k] = settlements.get(k).dueAt().getEpochSecond();
            Instant at = settlements.get(k).paidAt();
            paid[k] = at == null ? UNPAID : at.getEpochSecond();
        }
        return creditRecord(due, paid, 0, due.length, now.getEpochSecond(), p);
    }

    /**
     * c over instalments kept as parallel arrays of epoch seconds (entries [from, to); {@link #UNPAID} for an unpaid
     * one): the form engines use to keep a half-year of payments without objects (the simulator). A payment recorded
     * after {@code now} is unpaid as of now.
     */
    public static double creditRecord(long[] dueSeconds, long[] paidSeconds, int from, int to, long nowSeconds) {
        return creditRecord(dueSeconds, paidSeconds, from, to, nowSeconds, org.hanse.core.parameters.NetworkParameters.DEFAULTS.payment());
    }

    /** As {@link #creditRecord(long[], long[], int, int, long)} with the network's window and grace. */
    public static double creditRecord(long[] dueSeconds, long[] paidSeconds, int from, int to, long nowSeconds, org.hanse.core.parameters.NetworkParameters.PaymentParameters p) {
        long start = nowSeconds - Duration.ofDays(p.creditWindowDays()).toSeconds();
        long grace = Duration.ofDays(p.graceDays()).toSeconds();
        long counted = 0;
        long onTime = 0;
        for (int k = from; k < to; k++) {
            long due = dueSeconds[k];
            if (due < start || due > nowSeconds) {
                continue;
            }
            long limit = due + grace;
            boolean paid = paidSeconds[k] <= nowSeconds;
            if (!paid && nowSeconds <= limit) {
                continue;
            }
            counted++;
            if (paid && paidSeconds[k] <= limit) {
                onTime++;
            }
        }
        return counted == 0 ? 1 : (double) onTime / counted;
    }

    /** Days an instalment is late at {@code now}: paid (or, unpaid, now) minus due; 0 when not after the due date. */
    public static double daysOutstanding(Settlement s, Instant now) {
        Instant end = s.paidAt() == null || s.paidAt().isAfter(now) ? now : s.paidAt();
        return Math.max(0, Duration.between(s.dueAt(), end).toSeconds() / 86_400.0);
    }

    /** Which side to correct. */
    public enum Correction { PAYMENT_REALIGNMENT, LOGISTICS_RHYTHM, COMBINED }

    /** ρ_t = capital turnover / inventory turnover: below 0.9 realign payments, above 1.1 change the logistics rhythm, else both. */
    public static Correction correction(double capitalTurnover, double inventoryTurnover) {
        return correction(capitalTurnover, inventoryTurnover, org.hanse.core.parameters.NetworkParameters.DEFAULTS.payment());
    }

    /** As {@link #correction(double, double)} with the network's bounds. */
    public static Correction correction(double capitalTurnover, double inventoryTurnover,
                                        org.hanse.core.parameters.NetworkParameters.PaymentParameters p) {
        double rho = capitalTurnover / inventoryTurnover;
        if (rho < p.realignmentBelow()) {
            return Correction.PAYMENT_REALIGNMENT;
        }
        return rho > p.rhythmAbove() ? Correction.LOGISTICS_RHYTHM : Correction.COMBINED;
    }

    /** Capital and inventory turnover of a buyer, in turns a year. */
    public record Turnover(double capital, double inventory) {
        public double ratio() {
            return capital / inventory;
        }
    }

    /**
     * Turnovers derived from platform data when the buyer declares none: inventory turnover = 365 / DIO (days of
     * inventory: on hand over mean daily consumption); capital turnover = 365 / (DIO − DPO), the days the buyer's
     * capital is tied in the goods (DPO = amount-weighted days from arrival to payment, negative when paid in advance).
     * Both day counts are floored at one day, so capital that is never tied turns daily.
     */
    public static Turnover derivedTurnover(double inventoryDays, double paymentDelayDays) {
        double dio = Math.max(1, inventoryDays);
        return new Turnover(365 / Math.max(1, dio - paymentDelayDays), 365 / dio);
    }

    /** The supplier's shipment plan under the logistics rhythm for a buyer with credit record c. */
    public record Rhythm(Duration interval, double batch, boolean advanceRequired) {
    }

    /** interval × (1 + (1 − c)); batch × max(0.5, c); c &lt; 0.5 → advance payment required. */
    public static Rhythm rhythm(Duration interval, double batch, double credit) {
        double factor = 1 + (1 - credit);
        return new Rhythm(Duration.ofSeconds(Math.round(interval.toSeconds() * factor)), batch * Math.max(0.5, credit), credit < 0.5);
    }
}
