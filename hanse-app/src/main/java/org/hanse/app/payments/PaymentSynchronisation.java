package org.hanse.app.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.core.payment.Synchronisation;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Synchronisation of payments with the goods: per pair, a node's week-by-week series, and a pair's payment delay. */
@Service
class PaymentSynchronisation {

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentSynchronisation(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The pair's amount-weighted days from arrival to payment (DPO of this flow); empty before any matched arrival. */
    java.util.OptionalDouble paymentDelayDays(String buyer, String supplier) {
        List<Synchronisation.Payment> all = jdbc.sql("""
                SELECT m.amount, p.paid_at, m.arrived_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE p.payer_id = ? AND p.payee_id = ? AND m.arrived_at IS NOT NULL""")
                .params(buyer, supplier)
                .query((rs, n) -> new Synchronisation.Payment(rs.getBigDecimal(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .list();
        return all.isEmpty() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(Synchronisation.deviationDays(all));
    }

    /** Synchronisation of a pair: amount-weighted deviation (days, per unit and overall), credit record and unmatched money. */
    Map<String, Object> sync(String buyer, String supplier, Principal principal) {
        PaymentParties.require(principal, buyer, supplier);
        List<Object[]> rows = jdbc.sql("""
                SELECT m.shipment_id, m.line_no, m.amount, p.paid_at, m.arrived_at, m.due_at FROM payment_match m
                JOIN payment p ON p.id = m.payment_id WHERE p.payer_id = ? AND p.payee_id = ?""")
                .params(buyer, supplier)
                .query((rs, n) -> new Object[] {rs.getString(1) + "/" + rs.getInt(2), rs.getBigDecimal(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()})
                .list();
        List<Synchronisation.Payment> all = new ArrayList<>();
        Map<String, List<Synchronisation.Payment>> byUnit = new LinkedHashMap<>();
        List<Synchronisation.Settlement> settlements = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[3] != null) {
                Synchronisation.Payment p = new Synchronisation.Payment((BigDecimal) r[1], (Instant) r[2], (Instant) r[3]);
                all.add(p);
                byUnit.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(p);
            }
            if (r[4] != null) {
                settlements.add(new Synchronisation.Settlement((Instant) r[4], (Instant) r[2]));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", buyer);
        m.put("supplier", supplier);
        m.put("deviationDays", round(Synchronisation.deviationDays(all)));
        Map<String, Object> units = new LinkedHashMap<>();
        byUnit.forEach((k, v) -> units.put(k, round(Synchronisation.deviationDays(v))));
        m.put("units", units);
        // The credit record counts unpaid instalments too: PaymentController puts Instalments.credit here.
        m.put("meanDelayDays", round(settlements.stream()
                .mapToDouble(x -> Duration.between(x.dueAt(), x.paidAt()).toSeconds() / 86_400.0).average().orElse(0)));
        m.put("unmatched", jdbc.sql("SELECT COUNT(*) FROM payment WHERE payer_id = ? AND payee_id = ? AND status = 'UNMATCHED'")
                .params(buyer, supplier).query(Long.class).single());
        return m;
    }

    /**
     * A node's synchronisation deviation over time, week by week (by payment date), as buyer and as supplier together:
     * the amount-weighted mean of payment − arrival over the matches of that week.
     */
    Map<String, Object> nodeSeries(String node, int weeks, Principal principal) {
        principal.requireSelfOrOperator(node);
        if (weeks < 1 || weeks > 104) {
            throw new InvalidInputException("weeks", "must be a whole number from 1 to 104");
        }
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(7L * weeks));
        Map<Long, List<Synchronisation.Payment>> byWeek = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT m.amount, p.paid_at, m.arrived_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE (p.payer_id = ? OR p.payee_id = ?) AND p.paid_at >= ? AND m.arrived_at IS NOT NULL""")
                .params(node, node, Timestamp.from(from))
                .query(rs -> {
                    Instant paid = rs.getTimestamp(2).toInstant();
                    long week = Duration.between(from, paid).toDays() / 7;
                    byWeek.computeIfAbsent(week, k -> new ArrayList<>())
                            .add(new Synchronisation.Payment(rs.getBigDecimal(1), paid, rs.getTimestamp(3).toInstant()));
                });
        List<Map<String, Object>> series = new ArrayList<>();
        byWeek.forEach((week, list) -> series.add(Map.of("weekStarting", from.plus(Duration.ofDays(7 * week)).toString(),
                "deviationDays", round(Synchronisation.deviationDays(list)), "matches", list.size())));
        return Map.of("node", node, "weeks", weeks, "series", series);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
