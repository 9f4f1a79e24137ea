package org.hanse.app.parameters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the parameters module: versions of the network's set and the pairs' overrides. */
@Repository
class ParameterRepository {

    /** A stored version as written: its tree in JSON. */
    record VersionRow(long version, String json, String changedBy, Instant changedAt) {
    }

    /** A pair's stored overrides in JSON. */
    record PairRow(String buyer, String supplier, String json, String changedBy, Instant changedAt) {
    }

    private final JdbcClient jdbc;

    ParameterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    VersionRow latest() {
        return jdbc.sql("SELECT * FROM network_parameter_set ORDER BY version DESC LIMIT 1").query(ParameterRepository::version).single();
    }

    /** The latest version, its row locked so that two changes are stored one after the other. */
    VersionRow latestForUpdate() {
        long top = jdbc.sql("SELECT MAX(version) FROM network_parameter_set").query(Long.class).single();
        return jdbc.sql("SELECT * FROM network_parameter_set WHERE version = ? FOR UPDATE").params(top).query(ParameterRepository::version).single();
    }

    Optional<VersionRow> version(long version) {
        return jdbc.sql("SELECT * FROM network_parameter_set WHERE version = ?").params(version).query(ParameterRepository::version).optional();
    }

    List<VersionRow> history(int limit) {
        return jdbc.sql("SELECT * FROM network_parameter_set ORDER BY version DESC LIMIT ?").params(limit).query(ParameterRepository::version).list();
    }

    void insert(long version, String json, String changedBy, Instant at) {
        jdbc.sql("INSERT INTO network_parameter_set (version, parameters_json, changed_by, changed_at) VALUES (?, ?, ?, ?)")
                .params(version, json, changedBy, Timestamp.from(at)).update();
    }

    Optional<PairRow> pair(String buyer, String supplier) {
        return jdbc.sql("SELECT * FROM pair_parameter_override WHERE buyer_id = ? AND supplier_id = ?").params(buyer, supplier)
                .query(ParameterRepository::pairRow).optional();
    }

    void replacePair(String buyer, String supplier, String json, String changedBy, Instant at) {
        jdbc.sql("DELETE FROM pair_parameter_override WHERE buyer_id = ? AND supplier_id = ?").params(buyer, supplier).update();
        jdbc.sql("INSERT INTO pair_parameter_override (buyer_id, supplier_id, overrides_json, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(buyer, supplier, json, changedBy, Timestamp.from(at)).update();
    }

    private static VersionRow version(ResultSet rs, int n) throws SQLException {
        return new VersionRow(rs.getLong("version"), rs.getString("parameters_json"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static PairRow pairRow(ResultSet rs, int n) throws SQLException {
        return new PairRow(rs.getString("buyer_id"), rs.getString("supplier_id"), rs.getString("overrides_json"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }
}
