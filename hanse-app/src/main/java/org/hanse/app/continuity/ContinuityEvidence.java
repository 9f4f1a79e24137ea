package org.hanse.app.continuity;

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
 * Exits and substitutions in the evidence ledger: an announced or detected exit as recorded, and a won substitution
 * (who replaced whom for which material, when). Built from the stored rows, when recorded and when audited.
 */
@Component
class ContinuityEvidence implements LedgerRecords {

    static final String ANNOUNCED = "exit.announced";
    static final String DETECTED = "exit.detected";
    static final String WON = "substitution.won";

    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;

    ContinuityEvidence(EvidenceLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** Call last in the transaction that stored the exit (the ledger's lock is held to commit). */
    void recordExit(String node, boolean announced) {
        String kind = announced ? ANNOUNCED : DETECTED;
        ledger.append(kind, node, exit(kind, node).orElseThrow());
    }

    void recordWon(String substitution) {
        ledger.append(WON, substitution, won(substitution).orElseThrow());
    }

    /** {@code ledger: {index, proof}} of a node's exit, announced or detected. */
    Optional<Map<String, Object>> exitReference(String node, String type) {
        return ledger.reference("UNANNOUNCED".equals(type) ? DETECTED : ANNOUNCED, node);
    }

    Optional<Map<String, Object>> wonReference(String substitution) {
        return ledger.reference(WON, substitution);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ANNOUNCED, DETECTED, WON);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        return WON.equals(kind) ? won(recordId) : exit(kind, recordId);
    }

    /** An announced exit is replaced by its detection when the node fell silent first: its leaf stays as history. */
    @Override
    public boolean retired(String kind, String recordId) {
        return ANNOUNCED.equals(kind) && jdbc.sql("SELECT COUNT(*) FROM node_exit WHERE node_id = ? AND kind = 'UNANNOUNCED'")
                .param(recordId).query(Long.class).single() > 0;
    }

    private Optional<Evidence> exit(String kind, String node) {
        return jdbc.sql("SELECT * FROM node_exit WHERE node_id = ?").param(node).query((rs, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("node", node);
            r.put("type", rs.getString("kind"));
            r.put("announcedAt", rs.getTimestamp("announced_at").toInstant().toString());
            r.put("exitAt", rs.getTimestamp("exit_at").toInstant().toString());
            // Kept as the stored text: the canonical bytes must not depend on how a JSON reader types its numbers.
            r.put("remainingCapacity", rs.getString("remaining_json"));
            r.put("reason", rs.getString("reason"));
            return new Evidence(List.of(node), r);
        }).optional().filter(e -> DETECTED.equals(kind) == "UNANNOUNCED".equals(e.record().get("type")));
    }

    private Optional<Evidence> won(String substitution) {
        return jdbc.sql("SELECT * FROM substitution WHERE id = ? AND winner_id IS NOT NULL").param(substitution).query((rs, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rs.getString("id"));
            r.put("buyer", rs.getString("buyer_id"));
            r.put("original", rs.getString("original_id"));
            r.put("material", rs.getString("material"));
            r.put("cause", rs.getString("cause"));
            r.put("startedAt", rs.getTimestamp("started_at").toInstant().toString());
            r.put("winner", rs.getString("winner_id"));
            r.put("wonAt", rs.getTimestamp("won_at").toInstant().toString());
            return new Evidence(List.of(rs.getString("buyer_id"), rs.getString("winner_id")), r);
        }).optional();
    }
}
