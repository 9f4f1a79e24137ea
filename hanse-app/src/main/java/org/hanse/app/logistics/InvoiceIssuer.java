package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.hanse.app.ordering.OrderBook;
import org.hanse.core.payment.Invoicing;
import org.hanse.core.payment.Prices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues each logistics unit's invoice (accepted quantity × the order line's unit price, else the unit's own price) and, when something was rejected, its credit
 * note (rejected quantity × the same price) in the acceptance's transaction, and records both in the ledger. The
 * shipment's rejected quantity is spread over its units in proportion, as the stock correction does.
 */
@Service
class InvoiceIssuer {

    private final JdbcClient jdbc;
    private final InvoiceBook book;
    private final InvoiceEvidence evidence;
    private final OrderBook orders;

    InvoiceIssuer(JdbcClient jdbc, InvoiceBook book, InvoiceEvidence evidence, OrderBook orders) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.book = book;
        this.evidence = evidence;
    }

    /** A unit as the issuer reads it. */
    private record UnitRow(int line, String material, BigDecimal quantity, BigDecimal unitPrice, String currency) {
    }

    /** Call after the ACCEPTED milestone was stored, last in its transaction (the ledger's lock is held to commit). */
    void issue(String shipment, String order, String buyer, String supplier, BigDecimal delivered, BigDecimal rejected, Instant at) {
        for (UnitRow u : jdbc.sql("SELECT line_no, material, quantity, unit_price, currency FROM shipment_line WHERE shipment_id = ? ORDER BY line_no")
                .param(shipment)
                .query((rs, n) -> new UnitRow(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5))).list()) {
            BigDecimal rejectedHere = delivered.signum() == 0 ? BigDecimal.ZERO
                    : u.quantity().multiply(rejected).divide(delivered, 6, RoundingMode.HALF_UP);
            BigDecimal acceptedHere = u.quantity().subtract(rejectedHere);
            // The order line's price when the order was priced; else the price the supplier typed on the unit.
            Prices.Price price = orders.linePrice(order, u.material())
                    .orElse(new Prices.Price(u.unitPrice(), Currency.getInstance(u.currency())));
            Invoicing.Bill bill = Invoicing.bill(acceptedHere, rejectedHere, price.unitPrice(), price.currency());
            InvoiceBook.Invoice invoice = new InvoiceBook.Invoice(UUID.randomUUID().toString(), InvoiceBook.Kind.INVOICE, shipment, u.line(), order,
                    buyer, supplier, u.material(), acceptedHere, price.unitPrice(), bill.invoice(), at);
            book.insert(invoice);
            evidence.record(invoice.id());
            if (bill.credits()) {
                InvoiceBook.Invoice credit = new InvoiceBook.Invoice(UUID.randomUUID().toString(), InvoiceBook.Kind.CREDIT_NOTE, shipment, u.line(),
                        order, buyer, supplier, u.material(), rejectedHere, price.unitPrice(), bill.creditNote(), at);
                book.insert(credit);
                evidence.record(credit.id());
            }
        }
    }
}
