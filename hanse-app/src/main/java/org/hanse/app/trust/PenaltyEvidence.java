package org.hanse.app.trust;

import java.time.Duration;
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
 * Penalties in the evidence ledger: the report as filed, and its decision once final (upheld, rejected, confirmed after
 * the dispute window, or withdrawn) with the dispute if there was one. Built from the stored row, when recorded and audited.
 */
@Component
class PenaltyEvidence implements LedgerRecords {

    static final String REPORTED = "penalty.reported";
    static final String DECIDED = "penalty.decided";
    private static final Set<String> FINAL = Set.of("UPHELD", "REJECTED", "CONFIRMED", "WITHDRAWN");

    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;

    PenaltyEvidence(EvidenceLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** Records the step the penalty just took (a report, or a final decision; a dispute waits for its decision). */
    void recordStep(String id) {
        String status = jdbc.sql("SELECT status FROM trust_penalty WHERE id = ?").param(id).query(String.class).single();
        if ("REPORTED".equals(status)) {
            ledger.append(REPORTED, id, reported(id).orElseThrow());
        } else if (FINAL.contains(status)) {
            ledger.append(DECIDED, id, decided(id).orElseThrow());
        }
    }

    /** Adds {@code ledger} (the report) and {@code decisionLedger} to a penalty's response. */
    Map<String, Object> annotate(Map<String, Object> penalty) {
        Map<String, Object> m = new LinkedHashMap<>(penalty);
        ledger.reference(REPORTED, (String) penalty.get("id")).ifPresent(ref -> m.put("ledger", ref));
        ledger.reference(DECIDED, (String) penalty.get("id")).ifPresent(ref -> m.put("decisionLedger", ref));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(REPORTED, DECIDED);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        return REPORTED.equals(kind) ? reported(recordId) : DECIDED.equals(kind) ? decided(recordId) : Optional.empty();
    }

    private Optional<Evidence> reported(String id) {
        return jdbc.sql("SELECT * FROM trust_penalty WHERE id = ?").param(id).query((rs, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rs.getString("id"));
            r.put("truster", rs.getString("truster_id"));
            r.put("trustee", rs.getString("trustee_id"));
            r.put("kind", rs.getString("kind"));
            r.put("order", rs.getString("order_id"));
            r.put("occurredAt", rs.getTimestamp("occurred_at").toInstant().toString());
            r.put("concealed", Duration.ofSeconds(rs.getLong("concealed_s")).toString());
            r.put("leadTime", Duration.ofSeconds(rs.getLong("lead_time_s")).toString());
            r.put("evidence", rs.getString("evidence"));
            r.put("contentHash", rs.getString("content_hash"));
            r.put("reportedAt", rs.getTimestamp("reported_at").toInstant().toString());
            r.put("disputeUntil", rs.getTimestamp("dispute_until").toInstant().toString());
            return new Evidence(List.of(rs.getString("truster_id"), rs.getString("trustee_id")), r);
        }).optional();
    }

    private Optional<Evidence> decided(String id) {
        return jdbc.sql("SELECT * FROM trust_penalty WHERE id = ?").param(id).query((rs, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rs.getString("id"));
            r.put("status", rs.getString("status"));
            r.put("disputedAt", rs.getTimestamp("disputed_at") == null ? null : rs.getTimestamp("disputed_at").toInstant().toString());
            r.put("disputeReason", rs.getString("dispute_reason"));
            r.put("decidedAt", rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant().toString());
            r.put("decidedBy", rs.getString("decided_by"));
            r.put("note", rs.getString("decision_note"));
            return new Evidence(List.of(rs.getString("truster_id"), rs.getString("trustee_id")), r);
        }).optional().filter(e -> FINAL.contains(e.record().get("status")));
    }
}
