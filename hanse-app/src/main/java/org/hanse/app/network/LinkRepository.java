package org.hanse.app.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Links between nodes; neighbours are the counterparts of a node's accepted links. */
@Repository
class LinkRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LinkRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The connection, for the owner-scoped id look-ups of {@code OwnedKeys}. */
    JdbcClient jdbc() {
        return jdbc;
    }

    Optional<Link> find(String id) {
        return jdbc.sql("SELECT * FROM link WHERE id = ?").param(id).query(this::toLink).optional();
    }

    Optional<Link> lock(String id) {
        return jdbc.sql("SELECT * FROM link WHERE id = ? FOR UPDATE").param(id).query(this::toLink).optional();
    }

    Optional<Link> openBetween(String buyer, String supplier) {
        return jdbc.sql("SELECT * FROM link WHERE buyer_id = ? AND supplier_id = ? AND status IN ('REQUESTED', 'ACCEPTED')")
                .params(buyer, supplier).query(this::toLink).optional();
    }

    List<Link> involving(String nodeId) {
        return jdbc.sql("SELECT * FROM link WHERE buyer_id = ? OR supplier_id = ? ORDER BY requested_at, id")
                .params(nodeId, nodeId).query(this::toLink).list();
    }

    List<Link> all() {
        return jdbc.sql("SELECT * FROM link ORDER BY requested_at, id").query(this::toLink).list();
    }

    List<Link> withStatus(LinkStatus status) {
        return jdbc.sql("SELECT * FROM link WHERE status = ? ORDER BY requested_at").param(status.name()).query(this::toLink).list();
    }

    /** Counterparts of the node's accepted links, sorted. */
    Set<String> neighbours(String nodeId) {
        List<String> ids = jdbc.sql("""
                SELECT supplier_id FROM link WHERE buyer_id = ? AND status = 'ACCEPTED'
                UNION SELECT buyer_id FROM link WHERE supplier_id = ? AND status = 'ACCEPTED'""")
                .params(nodeId, nodeId).query(String.class).list();
        return new TreeSet<>(ids);
    }

    Optional<Link> accepted(String buyer, String supplier) {
        return jdbc.sql("SELECT * FROM link WHERE buyer_id = ? AND supplier_id = ? AND status = 'ACCEPTED'")
                .params(buyer, supplier).query(this::toLink).optional();
    }

    boolean areNeighbours(String a, String b) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM link WHERE status = 'ACCEPTED'
                AND ((buyer_id = ? AND supplier_id = ?) OR (buyer_id = ? AND supplier_id = ?))""")
                .params(a, b, b, a).query(Long.class).single() > 0;
    }

    void insert(Link link) {
        jdbc.sql("""
                INSERT INTO link (id, buyer_id, supplier_id, materials, status, requested_by, requested_at, transit_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(link.id(), link.buyer(), link.supplier(), json.writeValueAsString(link.materials()),
                        link.status().name(), link.requestedBy(), Timestamp.from(link.requestedAt()),
                        link.transit() == null ? null : link.transit().toSeconds())
                .update();
    }

    void decide(String id, LinkStatus status, String decidedBy, Instant at) {
        jdbc.sql("UPDATE link SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(status.name(), decidedBy, Timestamp.from(at), id).update();
    }

    private Link toLink(ResultSet rs, int rowNum) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Link(rs.getString("id"), rs.getString("buyer_id"), rs.getString("supplier_id"),
                json.readValue(rs.getString("materials"), new TypeReference<List<String>>() { }),
                LinkStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getObject("transit_seconds") == null ? null : java.time.Duration.ofSeconds(rs.getLong("transit_seconds")));
    }
}
