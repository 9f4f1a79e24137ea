package org.hanse.app.finance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the consents nodes give lenders. */
@Repository
class ConsentRepository {

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A consent; live while {@code revokedAt} is null. */
    record ConsentRow(String node, String lender, Instant grantedAt, Instant revokedAt) {
    }

    /** Grants, or grants again after a revocation; a live consent is left as it is. */
    void grant(String node, String lender, Instant at) {
        int updated = jdbc.sql("UPDATE finance_consent SET granted_at = ?, revoked_at = NULL WHERE node_id = ? AND lender_id = ? AND revoked_at IS NOT NULL")
                .params(Timestamp.from(at), node, lender).update();
        if (updated == 0 && find(node, lender).isEmpty()) {
            jdbc.sql("INSERT INTO finance_consent (node_id, lender_id, granted_at) VALUES (?, ?, ?)").params(node, lender, Timestamp.from(at)).update();
        }
    }

    /** Revokes a live consent; false when there is none. */
    boolean revoke(String node, String lender, Instant at) {
        return jdbc.sql("UPDATE finance_consent SET revoked_at = ? WHERE node_id = ? AND lender_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), node, lender).update() == 1;
    }

    Optional<ConsentRow> find(String node, String lender) {
        return jdbc.sql("SELECT * FROM finance_consent WHERE node_id = ? AND lender_id = ?").params(node, lender).query(ConsentRepository::row).optional();
    }

    boolean live(String node, String lender) {
        return find(node, lender).filter(c -> c.revokedAt() == null).isPresent();
    }

    /** The nodes whose consent the lender holds now. */
    List<ConsentRow> liveFor(String lender) {
        return jdbc.sql("SELECT * FROM finance_consent WHERE lender_id = ? AND revoked_at IS NULL ORDER BY node_id").param(lender)
                .query(ConsentRepository::row).list();
    }

    private static ConsentRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ConsentRow(rs.getString("node_id"), rs.getString("lender_id"), rs.getTimestamp("granted_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
