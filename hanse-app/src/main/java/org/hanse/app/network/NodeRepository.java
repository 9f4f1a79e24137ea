package org.hanse.app.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Nodes and their config history; the current config is also kept per version, never overwritten in history. */
@Repository
class NodeRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NodeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<NodeRecord> find(String id) {
        return jdbc.sql("SELECT * FROM node WHERE id = ?").param(id).query(this::toRecord).optional();
    }

    /** Reads the node and locks its row until the transaction ends (serialises updates of one node). */
    Optional<NodeRecord> lock(String id) {
        return jdbc.sql("SELECT * FROM node WHERE id = ? FOR UPDATE").param(id).query(this::toRecord).optional();
    }

    List<NodeRecord> all() {
        return jdbc.sql("SELECT * FROM node ORDER BY id").query(this::toRecord).list();
    }

    List<NodeRecord> byIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM node WHERE id IN (:ids) ORDER BY id").param("ids", ids).query(this::toRecord).list();
    }

    Optional<String> idForKeyHash(String hash) {
        return jdbc.sql("SELECT id FROM node WHERE api_key_hash = ?").param(hash).query(String.class).optional();
    }

    void insert(NodeRecord node, String keyHash) {
        jdbc.sql("""
                INSERT INTO node (id, name, version, config_json, api_key_hash, registered_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(node.id(), node.name(), node.version(), json.writeValueAsString(node.config()), keyHash,
                        Timestamp.from(node.registeredAt()), Timestamp.from(node.updatedAt()))
                .update();
        insertVersion(node, null);
    }

    void update(NodeRecord node, Map<String, Object> patch) {
        jdbc.sql("UPDATE node SET name = ?, version = ?, config_json = ?, updated_at = ? WHERE id = ?")
                .params(node.name(), node.version(), json.writeValueAsString(node.config()),
                        Timestamp.from(node.updatedAt()), node.id())
                .update();
        insertVersion(node, patch);
    }

    /** The digest of the capacity section last registered or updated (null when the file had none). */
    Optional<String> capacityDigest(String id) {
        return jdbc.sql("SELECT capacity_digest FROM node WHERE id = ?").param(id).query(String.class).optional();
    }

    void setCapacityDigest(String id, String digest) {
        jdbc.sql("UPDATE node SET capacity_digest = ? WHERE id = ?").params(digest, id).update();
    }

    Optional<Map<String, Object>> configAt(String id, long version) {
        return jdbc.sql("SELECT config_json FROM node_config_version WHERE node_id = ? AND version = ?")
                .params(id, version).query(String.class).optional().map(this::tree);
    }

    private void insertVersion(NodeRecord node, Map<String, Object> patch) {
        jdbc.sql("INSERT INTO node_config_version (node_id, version, config_json, patch_json, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(node.id(), node.version(), json.writeValueAsString(node.config()),
                        patch == null ? null : json.writeValueAsString(patch), Timestamp.from(node.updatedAt()))
                .update();
    }

    private NodeRecord toRecord(ResultSet rs, int rowNum) throws SQLException {
        return new NodeRecord(rs.getString("id"), rs.getString("name"), rs.getLong("version"), tree(rs.getString("config_json")),
                instant(rs, "registered_at"), instant(rs, "updated_at"));
    }

    private Map<String, Object> tree(String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
