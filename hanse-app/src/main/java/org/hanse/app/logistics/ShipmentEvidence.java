package org.hanse.app.logistics;

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
 * Shipments in the evidence ledger: each shipment with its units as created, and each milestone as recorded (ACCEPTED
 * carries the inspection result: accepted and rejected quantities). Built from the stored rows, when recorded and when audited.
 */
@Component
public class ShipmentEvidence implements LedgerRecords {

    static final String CREATED = "shipment.created";
    static final String MILESTONE = "shipment.milestone";

    private final EvidenceLedger ledger;
    private final JdbcClient jdbc;

    ShipmentEvidence(EvidenceLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** Call last in the transaction that stored the shipment or milestone (the ledger's lock is held to commit). */
    void recordCreated(String shipment) {
        ledger.append(CREATED, shipment, created(shipment).orElseThrow());
    }

    void recordMilestone(String shipment, String milestone, String checkpoint) {
        String id = milestoneId(shipment, milestone, checkpoint);
        ledger.append(MILESTONE, id, milestone(id).orElseThrow());
    }

    /** The ledger reference ({@code index}, {@code proof}) of the shipment's creation, if recorded. */
    public Optional<Map<String, Object>> reference(String shipment) {
        return ledger.reference(CREATED, shipment);
    }

    Optional<Map<String, Object>> reference(String shipment, String milestone, String checkpoint) {
        return ledger.reference(MILESTONE, milestoneId(shipment, milestone, checkpoint));
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CREATED, MILESTONE);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        return CREATED.equals(kind) ? created(recordId) : MILESTONE.equals(kind) ? milestone(recordId) : Optional.empty();
    }

    static String milestoneId(String shipment, String milestone, String checkpoint) {
        return shipment + "/" + milestone + (checkpoint.isEmpty() ? "" : "/" + checkpoint);
    }

    private Optional<Evidence> created(String shipment) {
        return jdbc.sql("SELECT * FROM shipment WHERE id = ?").param(shipment).query((rs, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rs.getString("id"));
            r.put("order", rs.getString("order_id"));
            r.put("buyer", rs.getString("buyer_id"));
            r.put("supplier", rs.getString("supplier_id"));
            r.put("contentHash", rs.getString("content_hash"));
            r.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
            return new Evidence(List.of(rs.getString("buyer_id"), rs.getString("supplier_id")), r);
        }).optional().map(e -> {
            Map<String, Object> r = new LinkedHashMap<>(e.record());
            r.put("units", jdbc.sql("SELECT * FROM shipment_line WHERE shipment_id = ? ORDER BY line_no").param(shipment)
                    .query((rs, n) -> Map.<String, Object>of("line", rs.getInt("line_no"), "material", rs.getString("material"),
                            "quantity", rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString(),
                            "unitPrice", rs.getBigDecimal("unit_price").stripTrailingZeros().toPlainString(),
                            "currency", rs.getString("currency"))).list());
            return new Evidence(e.parties(), r);
        });
    }

    private Optional<Evidence> milestone(String id) {
        String[] parts = id.split("/", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT m.*, s.order_id, s.buyer_id, s.supplier_id FROM shipment_milestone m JOIN shipment s ON s.id = m.shipment_id
                WHERE m.shipment_id = ? AND m.milestone = ? AND m.checkpoint = ?""")
                .params(parts[0], parts[1], parts.length == 3 ? parts[2] : "").query((rs, n) -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("shipment", rs.getString("shipment_id"));
                    r.put("order", rs.getString("order_id"));
                    r.put("milestone", rs.getString("milestone"));
                    r.put("checkpoint", rs.getString("checkpoint"));
                    r.put("at", rs.getTimestamp("occurred_at").toInstant().toString());
                    r.put("accepted", rs.getBigDecimal("accepted_qty") == null ? null : rs.getBigDecimal("accepted_qty").stripTrailingZeros().toPlainString());
                    r.put("rejected", rs.getBigDecimal("rejected_qty") == null ? null : rs.getBigDecimal("rejected_qty").stripTrailingZeros().toPlainString());
                    r.put("by", rs.getString("recorded_by"));
                    r.put("recordedAt", rs.getTimestamp("recorded_at").toInstant().toString());
                    return new Evidence(List.of(rs.getString("buyer_id"), rs.getString("supplier_id")), r);
                }).optional();
    }
}
