package org.hanse.app.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hanse.app.logistics.AdvancePayments;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.core.payment.PaymentTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Tells logistics whether a shipment's advance is paid, which ADVANCE terms require before it ships. */
@Service
class AdvancePaymentCheck implements AdvancePayments {

    private final JdbcClient jdbc;
    private final ShipmentBook shipments;
    private final PaymentTermsBook terms;
    private final PaymentRecords records;

    AdvancePaymentCheck(JdbcClient jdbc, ShipmentBook shipments, PaymentTermsBook terms, PaymentRecords records) {
        this.jdbc = jdbc;
        this.shipments = shipments;
        this.terms = terms;
        this.records = records;
    }

    /** Every unit of the shipment has its ADVANCE instalment fully paid (false when the terms have none). */
    @Override
    public boolean advancePaid(String shipmentId) {
        List<Integer> lines = jdbc.sql("SELECT line_no FROM shipment_line WHERE shipment_id = ?").param(shipmentId).query(Integer.class).list();
        for (int line : lines) {
            ShipmentBook.Unit u = shipments.unit(shipmentId, line).orElseThrow();
            Optional<PaymentTerms.Due> advance = terms.applicable(u.buyer(), u.supplier(), u.order()).due(u.value(), u.reached()).stream()
                    .filter(d -> d.trigger().equals("ADVANCE")).findFirst();
            if (advance.isEmpty()) {
                return false;
            }
            BigDecimal paid = records.paid(shipmentId, line, "ADVANCE");
            if (paid.compareTo(advance.get().amount().amount()) < 0) {
                return false;
            }
        }
        return true;
    }
}
