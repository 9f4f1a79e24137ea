package org.hanse.app.payments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hanse.app.ledger.Evidence;
import org.hanse.app.ledger.EvidenceLedger;
import org.hanse.app.ledger.LedgerRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payments in the evidence ledger: each payment as received (never changed) and its matches to logistics units and
 * instalments (made once, by the payer or later by the payee). Built from the stored rows, when recorded and when audited.
 */
@Component
class PaymentEvidence implements LedgerRecords {

    static final String RECORDED = "payment.recorded";
    static final String MATCHED = "payment.matched";

    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;

    PaymentEvidence(EvidenceLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** Call last in the paying or matching transaction (the ledger's lock is held to commit). */
    void record(String payment, boolean matched) {
        ledger.append(RECORDED, payment, recorded(payment).orElseThrow());
        if (matched) {
            recordMatches(payment);
        }
    }

    void recordMatches(String payment) {
        ledger.append(MATCHED, payment, matches(payment).orElseThrow());
    }

    /** Adds {@code ledger} (the payment) and {@code matchesLedger} (its matches) to a payment's response. */
    void annotate(String payment, Map<String, Object> json) {
        ledger.reference(RECORDED, payment).ifPresent(ref -> json.put("ledger", ref));
        ledger.reference(MATCHED, payment).ifPresent(ref -> json.put("matchesLedger", ref));
    }

    @Override
    public Set<String> kinds() {
        return Set.of(RECORDED, MATCHED);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        return RECORDED.equals(kind) ? recorded(recordId) : MATCHED.equals(kind) ? matches(recordId) : Optional.empty();
    }

    private Optional<Evidence> recorded(String payment) {
        return jdbc.sql("SELECT * FROM payment WHERE id = ?").param(payment).query((rs, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rs.getString("id"));
            r.put("payer", rs.getString("payer_id"));
            r.put("payee", rs.getString("payee_id"));
            r.put("amount", rs.getBigDecimal("amount").stripTrailingZeros().toPlainString());
            r.put("currency", rs.getString("currency"));
            r.put("paidAt", rs.getTimestamp("paid_at").toInstant().toString());
            r.put("contentHash", rs.getString("content_hash"));
            r.put("recordedAt", rs.getTimestamp("recorded_at").toInstant().toString());
            return new Evidence(List.of(rs.getString("payer_id"), rs.getString("payee_id")), r);
        }).optional();
    }

    private Optional<Evidence> matches(String payment) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM payment_match WHERE payment_id = ? ORDER BY shipment_id, line_no, trigger_name")
                .param(payment).query((rs, n) -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("shipment", rs.getString("shipment_id"));
                    x.put("line", rs.getInt("line_no"));
                    x.put("trigger", rs.getString("trigger_name"));
                    x.put("amount", rs.getBigDecimal("amount").stripTrailingZeros().toPlainString());
                    x.put("dueAt", rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant().toString());
                    x.put("arrivedAt", rs.getTimestamp("arrived_at") == null ? null : rs.getTimestamp("arrived_at").toInstant().toString());
                    x.put("by", rs.getString("matched_by"));
                    x.put("at", rs.getTimestamp("matched_at").toInstant().toString());
                    return x;
                }).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return recorded(payment).map(p -> new Evidence(p.parties(), Map.of("payment", payment, "matches", rows)));
    }
}
