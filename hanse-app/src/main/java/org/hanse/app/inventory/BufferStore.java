package org.hanse.app.inventory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.core.buffer.BufferPolicy;
import org.hanse.core.buffer.Zone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buffer settings, last known zone and warning per buffer, holds, transfers, shared forecast errors and proxy estimates. */
@Repository
class BufferStore {

    static final Duration DEFAULT_LEAD_TIME = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    BufferStore(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A node's policy and the lead time assumed before any delivery was observed. */
    record Settings(BufferPolicy policy, Duration defaultLeadTime) {
        static final Settings DEFAULT = new Settings(BufferPolicy.DEFAULT, DEFAULT_LEAD_TIME);
    }

    Settings settings(String node) {
        return jdbc.sql("SELECT * FROM buffer_settings WHERE node_id = ?").param(node)
                .query((rs, n) -> new Settings(new BufferPolicy(rs.getDouble("service_level"), Duration.ofSeconds(rs.getLong("reaction_lag_seconds")),
                        rs.getDouble("lot_days"), Duration.ofSeconds(rs.getLong("period_seconds"))),
                        Duration.ofSeconds(rs.getLong("default_lead_time_seconds"))))
                .optional().orElse(Settings.DEFAULT);
    }

    void saveSettings(String node, Settings s, Instant now) {
        jdbc.sql("DELETE FROM buffer_settings WHERE node_id = ?").param(node).update();
        jdbc.sql("INSERT INTO buffer_settings VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(node, s.policy().serviceLevel(), s.policy().reactionLag().toSeconds(), s.policy().lotDays(),
                        s.policy().period().toSeconds(), s.defaultLeadTime().toSeconds(), Timestamp.from(now))
                .update();
    }

    /** The state a buffer was last seen in. */
    record State(String node, String material, Zone zone, boolean warning, Instant lastVectorAt) {
    }

    Optional<State> state(String node, String material) {
        return jdbc.sql("SELECT * FROM buffer_state WHERE node_id = ? AND material = ?").params(node, material).query(this::toState).optional();
    }

    List<State> states() {
        return jdbc.sql("SELECT * FROM buffer_state ORDER BY node_id, material").query(this::toState).list();
    }

    List<State> statesOf(String node) {
        return jdbc.sql("SELECT * FROM buffer_state WHERE node_id = ? ORDER BY material").param(node).query(this::toState).list();
    }

    List<State> holdersOf(String material) {
        return jdbc.sql("SELECT * FROM buffer_state WHERE material = ?").param(material).query(this::toState).list();
    }

    void saveState(State s) {
        int updated = jdbc.sql("UPDATE buffer_state SET zone = ?, warning = ?, last_vector_at = ? WHERE node_id = ? AND material = ?")
                .params(s.zone().name(), s.warning(), s.lastVectorAt() == null ? null : Timestamp.from(s.lastVectorAt()), s.node(), s.material())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO buffer_state (node_id, material, zone, warning, last_vector_at) VALUES (?, ?, ?, ?, ?)")
                    .params(s.node(), s.material(), s.zone().name(), s.warning(), s.lastVectorAt() == null ? null : Timestamp.from(s.lastVectorAt()))
                    .update();
        }
    }

    private State toState(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp("last_vector_at");
        return new State(rs.getString("node_id"), rs.getString("material"), Zone.valueOf(rs.getString("zone")), rs.getBoolean("warning"),
                t == null ? null : t.toInstant());
    }

    // --- holds ---

    /** A held order release: outbound (below B_lo) or inbound (above B_hi). */
    record Hold(String id, String node, String material, String orderId, String direction, String reason, Instant createdAt, Instant releasedAt) {
    }

    void hold(Hold h) {
        jdbc.sql("INSERT INTO stock_hold (id, node_id, material, order_id, direction, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(h.id(), h.node(), h.material(), h.orderId(), h.direction(), h.reason(), Timestamp.from(h.createdAt())).update();
    }

    int releaseHolds(String node, String material, Instant now) {
        return jdbc.sql("UPDATE stock_hold SET released_at = ? WHERE node_id = ? AND material = ? AND released_at IS NULL")
                .params(Timestamp.from(now), node, material).update();
    }

    List<Hold> holds(String node) {
        return jdbc.sql("SELECT * FROM stock_hold WHERE node_id = ? ORDER BY created_at DESC, id").param(node)
                .query((rs, n) -> new Hold(rs.getString("id"), rs.getString("node_id"), rs.getString("material"), rs.getString("order_id"),
                        rs.getString("direction"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("released_at") == null ? null : rs.getTimestamp("released_at").toInstant()))
                .list();
    }

    // --- transfers ---

    /** An emergency transfer between a node below B_lo and a peer above B_hi. */
    record Transfer(String id, String requester, String peer, String material, double quantity, String status, Instant createdAt) {
    }

    void request(Transfer t) {
        jdbc.sql("INSERT INTO emergency_transfer (id, requester_id, peer_id, material, quantity, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.requester(), t.peer(), t.material(), java.math.BigDecimal.valueOf(t.quantity()), t.status(),
                        Timestamp.from(t.createdAt())).update();
    }

    Optional<Transfer> lockTransfer(String id) {
        return jdbc.sql("SELECT * FROM emergency_transfer WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> new Transfer(rs.getString("id"), rs.getString("requester_id"), rs.getString("peer_id"), rs.getString("material"),
                        rs.getBigDecimal("quantity").doubleValue(), rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    void decideTransfer(String id, String status, Instant now) {
        jdbc.sql("UPDATE emergency_transfer SET status = ?, decided_at = ? WHERE id = ?").params(status, Timestamp.from(now), id).update();
    }

    // --- forecasts and proxy estimates ---

    void shareForecast(String downstream, String upstream, String material, double error, Instant now) {
        jdbc.sql("DELETE FROM forecast_share WHERE downstream_id = ? AND upstream_id = ? AND material = ?").params(downstream, upstream, material).update();
        jdbc.sql("INSERT INTO forecast_share VALUES (?, ?, ?, ?, ?)").params(downstream, upstream, material, error, Timestamp.from(now)).update();
    }

    /** Forecast errors shared with the upstream for the material. */
    List<Double> sharedErrors(String upstream, String material) {
        return jdbc.sql("SELECT forecast_error FROM forecast_share WHERE upstream_id = ? AND material = ?").params(upstream, material)
                .query(Double.class).list();
    }

    Optional<Instant> proxySentAt(String subject, String supplier, String material) {
        return jdbc.sql("SELECT sent_at FROM proxy_estimate WHERE subject_id = ? AND supplier_id = ? AND material = ?")
                .params(subject, supplier, material).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void saveProxy(String subject, String supplier, String material, double position, Instant now) {
        jdbc.sql("DELETE FROM proxy_estimate WHERE subject_id = ? AND supplier_id = ? AND material = ?").params(subject, supplier, material).update();
        jdbc.sql("INSERT INTO proxy_estimate VALUES (?, ?, ?, ?, ?)").params(subject, supplier, material, position, Timestamp.from(now)).update();
    }

    void recordAnswer(String id, String node, String warningEventId, String action, java.util.Map<String, Object> detail, Instant now) {
        jdbc.sql("INSERT INTO warning_response (id, node_id, warning_event_id, action, detail_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, node, warningEventId, action, json.writeValueAsString(detail), Timestamp.from(now)).update();
    }

    /** When {@code reader} last polled {@code owner}'s buffers as a partner on its polling list. */
    Optional<Instant> lastPoll(String owner, String reader) {
        return jdbc.sql("SELECT polled_at FROM partner_poll WHERE owner_id = ? AND reader_id = ?").params(owner, reader)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void savePoll(String owner, String reader, Instant at) {
        if (jdbc.sql("UPDATE partner_poll SET polled_at = ? WHERE owner_id = ? AND reader_id = ?").params(Timestamp.from(at), owner, reader).update() == 0) {
            jdbc.sql("INSERT INTO partner_poll (owner_id, reader_id, polled_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(owner, reader, Timestamp.from(at)).update();
        }
    }
    /** Each node's worst buffer zone: BELOW before ABOVE before INSIDE. */
    Map<String, String> worstZones() {
        Map<String, String> worst = new java.util.HashMap<>();
        jdbc.sql("SELECT node_id, zone FROM buffer_state").query(rs -> {
            worst.merge(rs.getString(1), rs.getString(2), (a, b) -> rank(a) <= rank(b) ? a : b);
        });
        return worst;
    }

    private static int rank(String zone) {
        return switch (zone) {
            case "BELOW" -> 0;
            case "ABOVE" -> 1;
            default -> 2;
        };
    }
}
