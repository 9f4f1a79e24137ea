package org.hanse.app.trust;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.trust.TrustValue;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalties for confirmed malicious default or information concealment (RULES 3.8). The truster reports one with its
 * evidence and how long the truth was concealed; the trustee may dispute it within the dispute window; an undisputed
 * report is confirmed when the window ends; a disputed one waits for the operator, who upholds or rejects it (the
 * operator may also decide an undisputed one early); the truster may withdraw it until it is decided. Only confirmed
 * and upheld penalties lower trust; every step is kept and sent to both parties.
 */
@Service
class Penalties {

    /** What a penalty is for. */
    enum Kind { MALICIOUS_DEFAULT, INFORMATION_CONCEALMENT }

    /** Penalties: ids chosen by the reporting truster, visible to the trustee. */
    static final OwnedKeys.Table PENALTIES = new OwnedKeys.Table("trust_penalty", "truster_id", "trustee_id");

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final NodeEvents events;
    private final TrustLedger ledger;
    private final Clock clock;
    private final Duration disputeWindow;
    private final PenaltyEvidence evidence;

    Penalties(JdbcClient jdbc, Adjacency adjacency, OrderBook orders, NodeEvents events, TrustLedger ledger, Clock clock,
              @Value("${hanse.trust.dispute-window:P7D}") Duration disputeWindow, PenaltyEvidence evidence) {
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.orders = orders;
        this.events = events;
        this.ledger = ledger;
        this.clock = clock;
        this.disputeWindow = disputeWindow;
    }

    /** A report as posted by the truster. */
    record Report(String id, String trustee, String kind, String order, String occurredAt, String concealed, String leadTime, String evidence) {
    }

    /** The stored penalty and whether this call repeated an earlier identical report. */
    record Outcome(Map<String, Object> penalty, boolean replay) {
    }

    @Transactional
    Outcome report(Report r, Principal principal) {
        String truster = principal.requireNode();
        List<Problem> problems = new ArrayList<>();
        if (r.id() == null || !r.id().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            problems.add(new Problem("id", "is required: 1 to 100 letters, digits, '.', '_', ':' or '-' chosen by the reporter"));
        }
        if (r.trustee() == null || !adjacency.areNeighbours(truster, r.trustee())) {
            problems.add(new Problem("trustee", "must be an accepted neighbour of " + truster));
        }
        Kind kind = null;
        try {
            kind = Kind.valueOf(String.valueOf(r.kind()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("kind", "must be MALICIOUS_DEFAULT or INFORMATION_CONCEALMENT"));
        }
        Instant now = clock.instant();
        Instant occurred = instant("occurredAt", r.occurredAt(), now, problems);
        Duration concealed = duration("concealed", r.concealed(), problems);
        Duration leadTime = null;
        if (r.order() != null) {
            Optional<OrderBook.OrderFacts> o = orders.facts(r.order());
            if (o.isEmpty() || !(o.get().buyer().equals(truster) && o.get().supplier().equals(r.trustee())
                    || o.get().supplier().equals(truster) && o.get().buyer().equals(r.trustee()))) {
                problems.add(new Problem("order", "must be an order between " + truster + " and " + r.trustee()));
            } else {
                leadTime = Duration.between(o.get().placedAt(), o.get().due());
            }
        }
        if (r.leadTime() != null) {
            leadTime = duration("leadTime", r.leadTime(), problems);
        } else if (r.order() == null) {
            problems.add(new Problem("leadTime", "is required when no order is named (the asymmetry is concealed time / lead time)"));
        }
        if (r.evidence() == null || r.evidence().isBlank() || r.evidence().length() > 2000) {
            problems.add(new Problem("evidence", "is required: what happened and how it was found out (at most 2000 characters)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        double asymmetry = TrustValue.asymmetry(concealed, leadTime);
        String hash = Sha256.hex(String.join("|", r.trustee(), kind.name(), String.valueOf(r.order()), occurred.toString(), concealed.toString(),
                leadTime.toString(), r.evidence()));
        String key = OwnedKeys.newKey(jdbc, PENALTIES, truster, r.id());
        int inserted = jdbc.sql("""
                INSERT INTO trust_penalty (id, truster_id, trustee_id, kind, order_id, occurred_at, concealed_s, lead_time_s, asymmetry, evidence,
                                           status, content_hash, reported_at, dispute_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key, truster, r.trustee(), kind.name(), r.order(), Timestamp.from(occurred), concealed.toSeconds(), leadTime.toSeconds(),
                        asymmetry, r.evidence(), hash, Timestamp.from(now), Timestamp.from(now.plus(disputeWindow)))
                .update();
        if (inserted == 0) {
            // Only the reporter's own earlier report is a replay; a key another reporter took in the same instant is a conflict.
            Optional<String> existing = OwnedKeys.own(jdbc, PENALTIES, truster, r.id())
                    .map(k -> jdbc.sql("SELECT content_hash FROM trust_penalty WHERE id = ?").param(k).query(String.class).single());
            if (existing.isEmpty() || !existing.get().equals(hash)) {
                throw new ConflictException("penalty " + r.id() + " was already reported with other content");
            }
            return new Outcome(read(key, principal), true);
        }
        Map<String, Object> penalty = read(key, principal);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.PENALTY_REPORTED, truster, List.of(r.trustee()), now, penalty));
        evidence.recordStep(key);
        return new Outcome(penalty, false);
    }

    /** The trustee disputes a reported penalty before its window ends; the operator then decides. */
    @Transactional
    Map<String, Object> dispute(String id, String reason, Principal principal) {
        id = OwnedKeys.require(jdbc, PENALTIES, principal.requireNode(), id, "penalty");
        Map<String, Object> p = lock(id);
        if (!principal.isNode((String) p.get("trustee"))) {
            throw new ForbiddenException("only the penalised partner disputes a penalty");
        }
        Instant now = clock.instant();
        if (!"REPORTED".equals(p.get("status")) || !now.isBefore(Instant.parse((String) p.get("disputeUntil")))) {
            throw new ConflictException("penalty " + id + " is " + p.get("status") + (p.get("status").equals("REPORTED") ? " and its dispute window has ended" : ""));
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("reason", "is required: why the report is wrong (at most 2000 characters)");
        }
        jdbc.sql("UPDATE trust_penalty SET status = 'DISPUTED', disputed_at = ?, dispute_reason = ? WHERE id = ?")
                .params(Timestamp.from(now), reason, id).update();
        return announce(id, principal, now);
    }

    /** The operator upholds or rejects a reported or disputed penalty. */
    @Transactional
    Map<String, Object> decide(String id, String decision, String note, Principal principal) {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator decides a penalty");
        }
        id = OwnedKeys.require(jdbc, PENALTIES, null, id, "penalty");
        Map<String, Object> p = lock(id);
        if (!List.of("REPORTED", "DISPUTED").contains(p.get("status"))) {
            throw new ConflictException("penalty " + id + " is " + p.get("status") + " already");
        }
        if (!"UPHOLD".equals(decision) && !"REJECT".equals(decision)) {
            throw new InvalidInputException("decision", "must be UPHOLD or REJECT");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE trust_penalty SET status = ?, decided_at = ?, decided_by = 'operator', decision_note = ? WHERE id = ?")
                .params("UPHOLD".equals(decision) ? "UPHELD" : "REJECTED", Timestamp.from(now), note, id).update();
        Map<String, Object> result = announce(id, principal, now);
        ledger.refresh((String) p.get("truster"), (String) p.get("trustee"), "penalty " + id);
        return result;
    }

    /** The truster withdraws its report while it is undecided. */
    @Transactional
    Map<String, Object> withdraw(String id, Principal principal) {
        id = OwnedKeys.require(jdbc, PENALTIES, principal.requireNode(), id, "penalty");
        Map<String, Object> p = lock(id);
        if (!principal.isNode((String) p.get("truster"))) {
            throw new ForbiddenException("only the reporter withdraws a penalty");
        }
        if (!List.of("REPORTED", "DISPUTED").contains(p.get("status"))) {
            throw new ConflictException("penalty " + id + " is " + p.get("status") + " already");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE trust_penalty SET status = 'WITHDRAWN', decided_at = ?, decided_by = ? WHERE id = ?")
                .params(Timestamp.from(now), principal.auditName(), id).update();
        return announce(id, principal, now);
    }

    /** Undisputed reports whose window has ended become CONFIRMED; returns the pairs they touch. */
    @Transactional
    List<String[]> confirmUndisputed() {
        Instant now = clock.instant();
        List<String[]> due = jdbc.sql("SELECT id, truster_id, trustee_id FROM trust_penalty WHERE status = 'REPORTED' AND dispute_until <= ?")
                .param(Timestamp.from(now)).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        for (String[] d : due) {
            jdbc.sql("UPDATE trust_penalty SET status = 'CONFIRMED', decided_at = ?, decided_by = 'dispute window' WHERE id = ? AND status = 'REPORTED'")
                    .params(Timestamp.from(now), d[0]).update();
            announce(d[0], Principal.OPERATOR, now);
        }
        return due.stream().map(d -> new String[] {d[1], d[2]}).toList();
    }

    private Map<String, Object> announce(String id, Principal principal, Instant now) {
        Map<String, Object> penalty = read(id, principal);
        String truster = (String) penalty.get("truster");
        String trustee = (String) penalty.get("trustee");
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.PENALTY_DECIDED, truster, List.of(trustee), now, penalty));
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.PENALTY_DECIDED, trustee, List.of(truster), now, penalty));
        evidence.recordStep(id);
        return penalty;
    }

    private Map<String, Object> lock(String id) {
        jdbc.sql("SELECT id FROM trust_penalty WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("penalty " + id + " does not exist"));
        return row(id).orElseThrow();
    }

    /** A penalty for its two parties (or the operator); to anyone else it does not exist (404). */
    Map<String, Object> read(String id, Principal principal) {
        String key = OwnedKeys.require(jdbc, PENALTIES, principal.isOperator() ? null : principal.requireNode(), id, "penalty");
        return row(key).orElseThrow();
    }

    /** Penalties awaiting the operator's decision (disputed ones). */
    List<Map<String, Object>> disputed() {
        return jdbc.sql("SELECT id FROM trust_penalty WHERE status = 'DISPUTED' ORDER BY disputed_at").query(String.class).list().stream()
                .map(id -> row(id).orElseThrow()).toList();
    }

    private Optional<Map<String, Object>> row(String id) {
        return jdbc.sql("SELECT * FROM trust_penalty WHERE id = ?").param(id).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getString("id"));
            m.put("truster", rs.getString("truster_id"));
            m.put("trustee", rs.getString("trustee_id"));
            m.put("kind", rs.getString("kind"));
            if (rs.getString("order_id") != null) {
                m.put("order", rs.getString("order_id"));
            }
            m.put("occurredAt", rs.getTimestamp("occurred_at").toInstant().toString());
            m.put("concealed", Duration.ofSeconds(rs.getLong("concealed_s")).toString());
            m.put("leadTime", Duration.ofSeconds(rs.getLong("lead_time_s")).toString());
            m.put("asymmetry", TrustLedger.round(rs.getDouble("asymmetry")));
            m.put("evidence", rs.getString("evidence"));
            m.put("status", rs.getString("status"));
            m.put("reportedAt", rs.getTimestamp("reported_at").toInstant().toString());
            m.put("disputeUntil", rs.getTimestamp("dispute_until").toInstant().toString());
            if (rs.getTimestamp("disputed_at") != null) {
                m.put("disputedAt", rs.getTimestamp("disputed_at").toInstant().toString());
                m.put("disputeReason", rs.getString("dispute_reason"));
            }
            if (rs.getTimestamp("decided_at") != null) {
                m.put("decidedAt", rs.getTimestamp("decided_at").toInstant().toString());
                m.put("decidedBy", rs.getString("decided_by"));
                if (rs.getString("decision_note") != null) {
                    m.put("decisionNote", rs.getString("decision_note"));
                }
            }
            return m;
        }).optional();
    }

    private static Instant instant(String path, String text, Instant now, List<Problem> problems) {
        if (text == null) {
            return now;
        }
        try {
            Instant at = Instant.parse(text);
            if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                problems.add(new Problem(path, "must not lie in the future"));
            }
            return at;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "must be an ISO 8601 instant"));
            return now;
        }
    }

    private static Duration duration(String path, String text, List<Problem> problems) {
        if (text == null) {
            problems.add(new Problem(path, "is required: an ISO 8601 duration such as P3D"));
            return Duration.ZERO;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                problems.add(new Problem(path, "must not be negative"));
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "must be an ISO 8601 duration such as P3D"));
            return Duration.ZERO;
        }
    }
}
