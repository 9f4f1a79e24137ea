package org.hanse.app.finance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The finance module's SQL: certificates and guarantees. */
@Repository
class FinanceRepository {

    private final JdbcClient jdbc;

    FinanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored certificate. */
    record CertificateRow(String id, String node, String issuer, String scope, LocalDate validFrom, LocalDate validTo,
                          Instant issuedAt, Instant revokedAt, String revokedBy) {
    }

    /** A stored guarantee. */
    record GuaranteeRow(String id, String core, String supplier, BigDecimal limit, String currency, LocalDate validTo,
                        String certificate, Instant agreedAt) {
    }

    void insert(CertificateRow c) {
        jdbc.sql("INSERT INTO finance_certificate (id, node_id, issuer_id, scope, valid_from, valid_to, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.node(), c.issuer(), c.scope(), Date.valueOf(c.validFrom()), Date.valueOf(c.validTo()), Timestamp.from(c.issuedAt()))
                .update();
    }

    /** Marks revoked unless it already is; false when another revocation came first. */
    boolean revoke(String id, Instant at, String by) {
        return jdbc.sql("UPDATE finance_certificate SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    Optional<CertificateRow> certificate(String id) {
        return jdbc.sql("SELECT * FROM finance_certificate WHERE id = ?").param(id).query(FinanceRepository::certificate).optional();
    }

    List<CertificateRow> certificatesOf(String node) {
        return jdbc.sql("SELECT * FROM finance_certificate WHERE node_id = ? ORDER BY issued_at, id").param(node)
                .query(FinanceRepository::certificate).list();
    }

    void insert(GuaranteeRow g) {
        jdbc.sql("INSERT INTO finance_guarantee (id, core_id, supplier_id, limit_amount, currency, valid_to, certificate_id, agreed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(g.id(), g.core(), g.supplier(), g.limit(), g.currency(), Date.valueOf(g.validTo()), g.certificate(), Timestamp.from(g.agreedAt()))
                .update();
    }

    Optional<GuaranteeRow> guarantee(String id) {
        return jdbc.sql("SELECT * FROM finance_guarantee WHERE id = ?").param(id).query(FinanceRepository::guarantee).optional();
    }

    List<GuaranteeRow> guaranteesOf(String core) {
        return jdbc.sql("SELECT * FROM finance_guarantee WHERE core_id = ? ORDER BY agreed_at, id").param(core)
                .query(FinanceRepository::guarantee).list();
    }

    /** A claim of a financing on one evidence record; live while {@code releasedAt} is null. */
    record ClaimRow(String id, String kind, String record, String applicant, String lender, Instant claimedAt, Instant releasedAt) {
    }

    /** Inserts a live claim; the unique live key refuses a second live claim on the same record (DuplicateKeyException). */
    void insert(ClaimRow c) {
        jdbc.sql("INSERT INTO finance_claim (id, record_kind, record_id, applicant_id, lender_id, live_key, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.kind(), c.record(), c.applicant(), c.lender(), c.kind() + ":" + c.record(), Timestamp.from(c.claimedAt())).update();
    }

    boolean release(String id, Instant at) {
        return jdbc.sql("UPDATE finance_claim SET live_key = NULL, released_at = ? WHERE id = ? AND released_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    Optional<ClaimRow> claim(String id) {
        return jdbc.sql("SELECT * FROM finance_claim WHERE id = ?").param(id).query((rs, n) -> new ClaimRow(rs.getString("id"),
                rs.getString("record_kind"), rs.getString("record_id"), rs.getString("applicant_id"), rs.getString("lender_id"),
                rs.getTimestamp("claimed_at").toInstant(), rs.getTimestamp("released_at") == null ? null : rs.getTimestamp("released_at").toInstant()))
                .optional();
    }

    private static CertificateRow certificate(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new CertificateRow(rs.getString("id"), rs.getString("node_id"), rs.getString("issuer_id"), rs.getString("scope"),
                rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(), rs.getTimestamp("issued_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }

    private static GuaranteeRow guarantee(ResultSet rs, int n) throws SQLException {
        return new GuaranteeRow(rs.getString("id"), rs.getString("core_id"), rs.getString("supplier_id"), rs.getBigDecimal("limit_amount"),
                rs.getString("currency"), rs.getDate("valid_to").toLocalDate(), rs.getString("certificate_id"), rs.getTimestamp("agreed_at").toInstant());
    }
}
