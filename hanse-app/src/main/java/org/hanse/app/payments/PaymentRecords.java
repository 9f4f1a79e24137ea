package org.hanse.app.payments;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.node.OwnedId;
import org.hanse.core.payment.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads recorded payments with their matches, and what the matches have paid of an instalment. */
@Service
class PaymentRecords {

    /** Payments: ids chosen by the payer, visible to the payee. */
    static final OwnedKeys.Table PAYMENTS = new OwnedKeys.Table("payment", "payer_id", "payee_id");

    private final JdbcClient jdbc;
    private final PaymentEvidence evidence;

    PaymentRecords(JdbcClient jdbc, PaymentEvidence evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    /** What the matches have paid of one instalment of one logistics unit so far. */
    BigDecimal paid(String shipment, int line, String trigger) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment_match WHERE shipment_id = ? AND line_no = ? AND trigger_name = ?")
                .params(shipment, line, trigger).query(BigDecimal.class).single();
    }

    /** A payment for its payer and payee (or the operator); to anyone else it does not exist (404). */
    Map<String, Object> read(String given, Principal principal) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        String id = OwnedKeys.require(jdbc, PAYMENTS, caller, given, "payment");
        Map<String, Object> m = jdbc.sql("SELECT * FROM payment WHERE id = ?").param(id)
                .query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", OwnedId.shown(rs.getString("id"), caller));
                    x.put("payer", rs.getString("payer_id"));
                    x.put("payee", rs.getString("payee_id"));
                    // Shown at the currency's minor unit ("150.00"); the ledger evidence keeps its own form.
                    x.put("amount", new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))).plain());
                    x.put("currency", rs.getString("currency"));
                    x.put("paidAt", rs.getTimestamp("paid_at").toInstant().toString());
                    x.put("status", rs.getString("status"));
                    return x;
                }).optional().orElseThrow(() -> new NotFoundException("payment " + id + " does not exist"));
        PaymentParties.require(principal, (String) m.get("payer"), (String) m.get("payee"));
        m.put("matches", jdbc.sql("SELECT * FROM payment_match WHERE payment_id = ? ORDER BY shipment_id, line_no, trigger_name").param(id)
                .query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("shipment", rs.getString("shipment_id"));
                    x.put("line", rs.getInt("line_no"));
                    x.put("trigger", rs.getString("trigger_name"));
                    x.put("amount", new Money(rs.getBigDecimal("amount"), Currency.getInstance((String) m.get("currency"))).plain());
                    x.put("dueAt", rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant().toString());
                    x.put("matchedBy", rs.getString("matched_by"));
                    return x;
                }).list());
        evidence.annotate(id, m);
        return m;
    }
}
