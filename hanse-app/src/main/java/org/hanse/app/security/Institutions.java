package org.hanse.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hanse.app.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lenders and certifiers: created by the platform operator, each with an API key shown once and stored as its digest. */
@Service
public class Institutions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final People people;

    Institutions(JdbcClient jdbc, Clock clock, People people) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.people = people;
    }

    /** The optional person who signs in to the web UI for the institution. */
    public record Officer(String email, String name, String password) {
    }

    /** A stored institution (never its key). */
    public record Institution(String id, InstitutionKind kind, String name, Instant createdAt) {
    }

    /** A new institution and its API key, which exists only in this answer. */
    public record Created(Institution institution, String apiKey) {
    }

    /** Creates an institution; only the operator may. An id already taken is a 409. */
    @Transactional
    public Created create(String id, InstitutionKind kind, String name, Officer officer, Principal principal) {
        if (!principal.isOperator()) {
            throw new org.hanse.app.web.ForbiddenException("only the platform operator creates lenders and certifiers");
        }
        String key = ApiKeys.generate();
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO institution (id, kind, name, api_key_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(id, kind.name(), name, ApiKeys.hash(key), java.sql.Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("institution " + id + " exists already");
        }
        if (officer != null) {
            // Same transaction: a refused person (bad or taken email) leaves no institution behind.
            people.createInstitutionOfficer(id, kind, officer.email(), officer.name(), officer.password());
        }
        return new Created(new Institution(id, kind, name, now), key);
    }

    /** The institution {@code id}, if there is one. */
    public Optional<Institution> find(String id) {
        return jdbc.sql("SELECT id, kind, name, created_at FROM institution WHERE id = ?").param(id)
                .query((rs, n) -> new Institution(rs.getString("id"), InstitutionKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Every institution, by id (the operator's list). */
    public List<Institution> all() {
        return jdbc.sql("SELECT id, kind, name, created_at FROM institution ORDER BY id")
                .query((rs, n) -> new Institution(rs.getString("id"), InstitutionKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Optional<Principal> principalForKeyHash(String hash) {
        return jdbc.sql("SELECT id, kind FROM institution WHERE api_key_hash = ?").param(hash)
                .query((rs, n) -> Principal.institution(InstitutionKind.valueOf(rs.getString("kind")), rs.getString("id")))
                .optional();
    }
}
