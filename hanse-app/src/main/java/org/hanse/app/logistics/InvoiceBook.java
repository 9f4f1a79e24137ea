package org.hanse.app.logistics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.hanse.core.payment.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invoices and credit notes of logistics units (SQL of the {@code invoice} table); read by payments for instalments. */
@Repository
public class InvoiceBook {

    /** An invoice (on the accepted quantity) or a credit note (on the rejected quantity) of one logistics unit. */
    public record Invoice(String id, Kind kind, String shipment, int line, String order, String buyer, String supplier, String material,
                          BigDecimal quantity, BigDecimal unitPrice, Money amount, Instant issuedAt) {
    }

    /** What a record is. */
    public enum Kind { INVOICE, CREDIT_NOTE }

    private final JdbcClient jdbc;

    InvoiceBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Invoice i) {
        jdbc.sql("""
                INSERT INTO invoice (id, kind, shipment_id, line_no, order_id, buyer_id, supplier_id, material, quantity, unit_price, amount,
                currency, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.kind().name(), i.shipment(), i.line(), i.order(), i.buyer(), i.supplier(), i.material(), i.quantity(),
                        i.unitPrice(), i.amount().amount(), i.amount().currency().getCurrencyCode(), Timestamp.from(i.issuedAt()))
                .update();
    }

    /** One invoice or credit note by id. */
    public Optional<Invoice> find(String id) {
        return jdbc.sql("SELECT * FROM invoice WHERE id = ?").param(id).query(InvoiceBook::row).optional();
    }

    /** The unit's invoice, once it has been accepted. */
    public Optional<Invoice> invoiceOf(String shipment, int line) {
        return jdbc.sql("SELECT * FROM invoice WHERE shipment_id = ? AND line_no = ? AND kind = 'INVOICE'").params(shipment, line)
                .query(InvoiceBook::row).optional();
    }

    /** The node's newest invoices and credit notes as buyer or supplier. */
    public List<Invoice> of(String node, int limit) {
        return jdbc.sql("""
                SELECT * FROM invoice WHERE buyer_id = ? OR supplier_id = ? ORDER BY issued_at DESC, shipment_id, line_no, kind LIMIT ?""")
                .params(node, node, limit).query(InvoiceBook::row).list();
    }

    private static Invoice row(ResultSet rs, int n) throws SQLException {
        return new Invoice(rs.getString("id"), Kind.valueOf(rs.getString("kind")), rs.getString("shipment_id"), rs.getInt("line_no"),
                rs.getString("order_id"), rs.getString("buyer_id"), rs.getString("supplier_id"), rs.getString("material"),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))), rs.getTimestamp("issued_at").toInstant());
    }
}
