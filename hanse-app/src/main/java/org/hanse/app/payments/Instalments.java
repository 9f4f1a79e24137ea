package org.hanse.app.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.parameters.NetworkParameterSource;
import org.hanse.core.payment.Invoicing;
import org.hanse.core.payment.Money;
import org.hanse.core.payment.PaymentTerms;
import org.hanse.core.payment.Synchronisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The instalments of logistics units as they stand: each from the applicable terms on the unit's value (its invoice
 * once accepted), what the matches paid of it and when it was paid in full, and whether it is overdue (past due +
 * grace). The buyer's credit record counts all of them that fell due in the window, paid or not.
 */
@Service
class Instalments {

    /** Units created this long before the credit window may still have instalments due in it (NET up to 365 days). */
    static final Duration LOOK_BACK = Synchronisation.CREDIT_WINDOW.plus(Duration.ofDays(366));

    /** One instalment: amount, due date (null until its milestone is reached), paid so far, paid in full at, overdue now. */
    record State(String shipment, int line, String trigger, Money amount, Instant dueAt, BigDecimal paid, Instant paidAt, boolean overdue) {

        /** What is still open of it. */
        BigDecimal open() {
            return amount.amount().subtract(paid).max(BigDecimal.ZERO);
        }
    }

    private final JdbcClient jdbc;
    private final PaymentTermsBook termsBook;
    private final ShipmentBook shipments;
    private final NetworkParameterSource parameters;
    private final Clock clock;

    Instalments(JdbcClient jdbc, PaymentTermsBook termsBook, ShipmentBook shipments, NetworkParameterSource parameters, Clock clock) {
        this.jdbc = jdbc;
        this.termsBook = termsBook;
        this.shipments = shipments;
        this.parameters = parameters;
        this.clock = clock;
    }

    /** A match of a payment to an instalment, in payment order. */
    private record Paid(BigDecimal amount, Instant paidAt) {
    }

    /** The instalments of {@code units}, in the units' order and the terms' order within each. */
    List<State> of(List<ShipmentBook.Unit> units) {
        Instant now = clock.instant();
        Map<String, List<Paid>> matches = matches(units.stream().map(ShipmentBook.Unit::shipment).distinct().toList());
        Map<String, PaymentTerms> terms = new HashMap<>();
        List<State> states = new ArrayList<>();
        java.time.Duration grace = java.time.Duration.ofDays(parameters.parameters().payment().graceDays());
        for (ShipmentBook.Unit u : units) {
            PaymentTerms applicable = terms.computeIfAbsent(u.buyer() + "/" + u.supplier() + "/" + u.order(),
                    k -> termsBook.applicable(u.buyer(), u.supplier(), u.order()));
            for (PaymentTerms.Due due : applicable.due(u.value(), u.reached())) {
                BigDecimal paid = BigDecimal.ZERO;
                Instant paidAt = null;
                for (Paid p : matches.getOrDefault(u.shipment() + "/" + u.line() + "/" + due.trigger(), List.of())) {
                    paid = paid.add(p.amount());
                    if (paidAt == null && paid.compareTo(due.amount().amount()) >= 0) {
                        paidAt = p.paidAt();
                    }
                }
                boolean overdue = paidAt == null && Invoicing.overdue(due.dueAt(), now, grace);
                states.add(new State(u.shipment(), u.line(), due.trigger(), due.amount(), due.dueAt(), paid, paidAt, overdue));
            }
        }
        return states;
    }

    /** The instalments of one logistics unit. */
    List<State> of(ShipmentBook.Unit unit) {
        return of(List.of(unit));
    }

    /**
     * The buyer's credit record toward the supplier: every instalment due in the last 180 days counts, paid in full by
     * due + grace (on time) or not (late, also while still unpaid once the grace is over).
     */
    double credit(String buyer, String supplier) {
        Instant now = clock.instant();
        List<Synchronisation.Settlement> settlements = of(shipments.unitsOfPair(buyer, supplier, now.minus(LOOK_BACK))).stream()
                .filter(s -> s.dueAt() != null && s.amount().amount().signum() > 0)
                .map(s -> new Synchronisation.Settlement(s.dueAt(), s.paidAt()))
                .toList();
        return Synchronisation.creditRecord(settlements, now, parameters.parameters().payment());
    }

    private Map<String, List<Paid>> matches(List<String> shipmentIds) {
        Map<String, List<Paid>> paid = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return paid;
        }
        jdbc.sql("""
                SELECT m.shipment_id, m.line_no, m.trigger_name, m.amount, p.paid_at FROM payment_match m JOIN payment p ON p.id = m.payment_id
                WHERE m.shipment_id IN (:ids) ORDER BY p.paid_at, p.id""")
                .param("ids", shipmentIds)
                .query(rs -> {
                    paid.computeIfAbsent(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3), k -> new ArrayList<>())
                            .add(new Paid(rs.getBigDecimal(4), rs.getTimestamp(5).toInstant()));
                });
        return paid;
    }
}
