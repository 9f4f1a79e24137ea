package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The logistics–capital synchronisation measures of DESIGN 3.7: the amount-weighted deviation between payment and
 * arrival, the buyer's credit record, and the correction path chosen from the capital-to-inventory turnover ratio.
 */
public final class Synchronisation {

    /** Grace after a due date within which a payment still counts as on time. */
    public static final Duration GRACE = Duration.ofDays(2);
    /** How far back the credit record looks. */
    public static final Duration CREDIT_WINDOW = Duration.ofDays(180);

    private Synchronisation() {
    }

    /** A payment of part of a unit: how much, when paid, when the goods arrived. */
    public record Payment(BigDecimal amount, Instant paidAt, Instant arrivedAt) {
    }

    /** Δ = Σ amount · (t_payment − t_arrival) / Σ amount, in days (negative: paid before arrival). */
    public static double deviationDays(List<Payment> payments) {
        double weighted = 0;
        double total = 0;
        for (Payment p : payments) {
            double days = Duration.between(p.arrivedAt(), p.paidAt()).toSeconds() / 86_400.0;
            weighted += p.amount().doubleValue() * days;
            total += p.amount().doubleValue();
        }
        return total == 0 ? 0 : weighted / total;
    }

    /** A payment against its due date. */
    public record Settlement(Instant dueAt, Instant paidAt) {
    }

    /** c = share of the payments of the last 180 days made by due date + 2 days; 1 without payments. */
    public static double creditRecord(List<Settlement> settlements, Instant now) {
        Instant from = now.minus(CREDIT_WINDOW);
        long counted = 0;
        long onTime = 0;
        for (Settlement s : settlements) {
            if (s.paidAt().isBefore(from) || s.paidAt().isAfter(now)) {
                continue;
            }
            counted++;
            if (!s.paidAt().isAfter(s.dueAt().plus(GRACE))) {
                onTime++;
            }
        }
        return counted == 0 ? 1 : (double) onTime / counted;
    }

    /** Which side to correct. */
    public enum Correction { PAYMENT_REALIGNMENT, LOGISTICS_RHYTHM, COMBINED }

    /** ρ_t = capital turnover / inventory turnover: below 0.9 realign payments, above 1.1 change the logistics rhythm, else both. */
    public static Correction correction(double capitalTurnover, double inventoryTurnover) {
        double rho = capitalTurnover / inventoryTurnover;
        if (rho < 0.9) {
            return Correction.PAYMENT_REALIGNMENT;
        }
        return rho > 1.1 ? Correction.LOGISTICS_RHYTHM : Correction.COMBINED;
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
