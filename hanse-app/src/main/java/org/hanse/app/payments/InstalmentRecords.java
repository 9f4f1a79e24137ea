package org.hanse.app.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.core.payment.PaymentTerms;
import org.hanse.core.trust.BuyerRating;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about instalments (the supplier's view of its buyer, RULES 3.8): the instalments a payment
 * completed, each with its due date, credit period, amount due and every payment toward it. Read-only.
 */
@Service
public class InstalmentRecords {

    private final JdbcClient jdbc;
    private final ShipmentBook shipments;
    private final PaymentTermsBook termsBook;

    InstalmentRecords(JdbcClient jdbc, ShipmentBook shipments, PaymentTermsBook termsBook) {
        this.jdbc = jdbc;
        this.shipments = shipments;
        this.termsBook = termsBook;
    }

    /** A fully paid instalment of one logistics unit. */
    public record Instalment(String shipment, int line, String trigger, String order, String buyer, String supplier, Instant dueAt,
                             Duration creditPeriod, BigDecimal amountDue, List<BuyerRating.Paid> payments) {
    }

    /** The instalments the payment took part in that are now paid in full (an instalment still open is rated once it is complete). */
    public List<Instalment> completedWith(String paymentId) {
        List<String[]> named = jdbc.sql("SELECT shipment_id, line_no, trigger_name FROM payment_match WHERE payment_id = ? ORDER BY shipment_id, line_no")
                .param(paymentId).query((rs, n) -> new String[] {rs.getString(1), Integer.toString(rs.getInt(2)), rs.getString(3)}).list();
        List<Instalment> out = new ArrayList<>();
        for (String[] m : named) {
            instalment(m[0], Integer.parseInt(m[1]), m[2]).filter(i -> paid(i).compareTo(i.amountDue()) >= 0).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Instalments of units created since {@code since} that are overdue by their whole credit period at {@code now} and
     * still short of their amount (at most {@code limit} units looked at).
     */
    public List<Instalment> longOverdue(Instant since, Instant now, int limit) {
        List<Instalment> out = new ArrayList<>();
        for (ShipmentBook.Unit u : shipments.unitsSince(since, limit)) {
            PaymentTerms terms = termsBook.applicable(u.buyer(), u.supplier(), u.order());
            for (PaymentTerms.Due d : terms.due(u.value(), u.reached())) {
                if (d.dueAt() != null && BuyerRating.longOverdue(d.dueAt(), credit(terms, d.trigger()), now)) {
                    instalment(u, terms, d).filter(i -> paid(i).compareTo(i.amountDue()) < 0).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private Optional<Instalment> instalment(String shipment, int line, String trigger) {
        Optional<ShipmentBook.Unit> unit = shipments.unit(shipment, line);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        ShipmentBook.Unit u = unit.get();
        PaymentTerms terms = termsBook.applicable(u.buyer(), u.supplier(), u.order());
        return terms.due(u.value(), u.reached()).stream().filter(d -> d.trigger().equals(trigger) && d.dueAt() != null).findFirst()
                .flatMap(d -> instalment(u, terms, d));
    }

    private Optional<Instalment> instalment(ShipmentBook.Unit u, PaymentTerms terms, PaymentTerms.Due d) {
        List<BuyerRating.Paid> paid = jdbc.sql("""
                SELECT m.amount, p.paid_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE m.shipment_id = ? AND m.line_no = ? AND m.trigger_name = ? ORDER BY p.paid_at""")
                .params(u.shipment(), u.line(), d.trigger())
                .query((rs, n) -> new BuyerRating.Paid(rs.getBigDecimal(1), rs.getTimestamp(2).toInstant())).list();
        return Optional.of(new Instalment(u.shipment(), u.line(), d.trigger(), u.order(), u.buyer(), u.supplier(), d.dueAt(),
                credit(terms, d.trigger()), d.amount().amount(), paid));
    }

    private static Duration credit(PaymentTerms terms, String trigger) {
        return terms.shares().stream().filter(s -> s.label().equals(trigger)).map(PaymentTerms.Share::after).findFirst().orElse(Duration.ZERO);
    }

    private static BigDecimal paid(Instalment i) {
        return i.payments().stream().map(BuyerRating.Paid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
