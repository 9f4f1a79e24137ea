package org.hanse.app.relations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.node.OwnedId;
import org.hanse.core.relation.Relay;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Multi-level information transmission (RULES 3.4); relays are {@link Relays}. Redundant encoding: a message to or from
 * a critical node goes directly and, as a second independent path, through an intermediary neighbour; the receiver's
 * confluence applies it once when both copies match the SHA-256 digest of the canonical payload, raises
 * INTEGRITY_MISMATCH (applying neither) when they differ, and applies the direct copy flagged DEGRADED when the second
 * has not arrived by the deadline.
 */
@Service
class Transmission {

    /** Secure messages: ids chosen by the sender, visible to the recipient and the intermediary. */
    static final OwnedKeys.Table MESSAGES = new OwnedKeys.Table("secure_message", "sender_id", "recipient_id", "via_id");

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final CriticalPaths paths;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration confluenceTimeout;

    Transmission(JdbcClient jdbc, Adjacency adjacency, CriticalPaths paths, NodeEvents events, JsonMapper json, Clock clock,
                 @Value("${hanse.relations.confluence-timeout:PT1H}") Duration confluenceTimeout) {
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.paths = paths;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.confluenceTimeout = confluenceTimeout;
    }

    /** A message as posted; {@code via} names the intermediary of the second path (else a common neighbour is chosen). */
    record Message(String id, String to, String type, Map<String, Object> payload, String via) {
    }

    @Transactional
    Map<String, Object> send(Message m, Principal principal) {
        String sender = principal.requireNode();
        List<Problem> problems = new ArrayList<>();
        if (m.id() == null || !m.id().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            problems.add(new Problem("id", "is required: 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        if (m.to() == null || !adjacency.areNeighbours(sender, m.to())) {
            problems.add(new Problem("to", "must be an accepted neighbour of " + sender));
        }
        if (m.type() == null || m.type().isBlank() || m.type().length() > 64) {
            problems.add(new Problem("type", "is required (at most 64 characters)"));
        }
        if (m.payload() == null) {
            problems.add(new Problem("payload", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        String canonical = canonical(m.payload());
        String digest = Sha256.hex(canonical);
        Optional<String> sent = OwnedKeys.own(jdbc, MESSAGES, sender, m.id());
        if (sent.isPresent()) {
            return replay(sent.get(), m, digest, principal);
        }
        String key = OwnedKeys.newKey(jdbc, MESSAGES, sender, m.id());
        boolean critical = paths.critical(sender) || paths.critical(m.to());
        String via = null;
        if (critical) {
            via = m.via() != null ? m.via() : adjacency.neighbours(sender).stream().filter(n -> !n.equals(m.to()) && adjacency.areNeighbours(n, m.to()))
                    .sorted().findFirst().orElse(null);
            if (via == null || !adjacency.areNeighbours(sender, via) || !adjacency.areNeighbours(via, m.to())) {
                throw new InvalidInputException("via", "a message to or from a critical node needs a second path: a neighbour of both "
                        + sender + " and " + m.to());
            }
        }
        jdbc.sql("""
                INSERT INTO secure_message (id, sender_id, recipient_id, via_id, message_type, digest, copy_direct, status, created_at, deadline)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)""")
                .params(key, sender, m.to(), via, m.type(), digest, canonical, Timestamp.from(now), Timestamp.from(now.plus(confluenceTimeout))).update();
        if (!critical) {
            settle(key, now, false);
            return read(key, principal);
        }
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RELAY_REQUEST, sender, List.of(via), now,
                Map.of("message", key, "to", m.to(), "type", m.type(), "payload", m.payload(), "digest", digest)));
        return read(key, principal);
    }

    /**
     * The sender repeats an id: the same message (recipient, type, payload, and intermediary if named) is an idempotent
     * replay answered with the stored message; anything else under that id is 409, never silently dropped.
     */
    private Map<String, Object> replay(String key, Message m, String digest, Principal principal) {
        Map<String, Object> stored = row(key).orElseThrow();
        boolean same = m.to().equals(stored.get("to")) && m.type().equals(stored.get("type")) && digest.equals(stored.get("digest"))
                && (m.via() == null || m.via().equals(stored.get("via")));
        if (!same) {
            throw new ConflictException("message " + m.id() + " was already sent with other content");
        }
        return read(key, principal);
    }

    /** The intermediary forwards its copy (the second path). */
    @Transactional
    Map<String, Object> forward(String id, Map<String, Object> payload, Principal principal) {
        String node = principal.requireNode();
        id = OwnedKeys.require(jdbc, MESSAGES, node, id, "message");
        Map<String, Object> m = lock(id);
        if (!node.equals(m.get("via"))) {
            throw new ForbiddenException("only the intermediary of message " + id + " forwards it");
        }
        if (!"WAITING".equals(m.get("status"))) {
            throw new ConflictException("message " + id + " is already " + m.get("status"));
        }
        if (payload == null) {
            throw new InvalidInputException("payload", "is required");
        }
        jdbc.sql("UPDATE secure_message SET copy_relayed = ? WHERE id = ?").params(canonical(payload), id).update();
        settle(id, clock.instant(), false);
        return read(id, Principal.node((String) m.get("from")));
    }

    /** Messages whose second copy has not come by the deadline: applied from the direct copy, DEGRADED. */
    @Transactional
    int expire() {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("SELECT id FROM secure_message WHERE status = 'WAITING' AND deadline < ?").param(Timestamp.from(now))
                .query(String.class).list();
        due.forEach(id -> settle(id, now, true));
        return due.size();
    }

    /** The confluence: Relay.crossValidate on the copies; a non-critical message (no second path) is applied at once. */
    private void settle(String id, Instant now, boolean timedOut) {
        Map<String, Object> m = lock(id);
        String direct = (String) m.get("copyDirect");
        String relayed = (String) m.get("copyRelayed");
        String digest = (String) m.get("digest");
        Relay.Verdict verdict = m.get("via") == null ? Relay.Verdict.APPLY_ONCE : Relay.crossValidate(direct, relayed, digest, timedOut);
        String sender = (String) m.get("from");
        String recipient = (String) m.get("to");
        switch (verdict) {
            case WAIT -> {
                return;
            }
            case INTEGRITY_MISMATCH -> {
                jdbc.sql("UPDATE secure_message SET status = 'INTEGRITY_MISMATCH', decided_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
                Map<String, Object> payload = Map.of("message", id, "via", String.valueOf(m.get("via")), "digest", digest,
                        "reason", "the copies on the two paths differ; neither was applied");
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.INTEGRITY_MISMATCH, sender, List.of(recipient), now, payload));
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.INTEGRITY_MISMATCH, recipient, List.of(sender), now, payload));
            }
            case APPLY_ONCE, DEGRADED -> {
                String status = verdict == Relay.Verdict.DEGRADED ? "DEGRADED" : m.get("via") == null ? "DIRECT" : "APPLIED";
                jdbc.sql("UPDATE secure_message SET status = ?, decided_at = ? WHERE id = ?").params(status, Timestamp.from(now), id).update();
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("message", id);
                payload.put("type", m.get("type"));
                payload.put("integrity", status);
                payload.put("payload", json.readValue(direct != null ? direct : relayed, Map.class));
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SECURE_MESSAGE, sender, List.of(recipient), now, payload));
            }
        }
    }

    /** A message for its sender, recipient or intermediary (or the operator); to anyone else it does not exist (404). */
    Map<String, Object> read(String id, Principal principal) {
        String caller = principal.isOperator() ? null : principal.requireNode();
        String key = OwnedKeys.require(jdbc, MESSAGES, caller, id, "message");
        Map<String, Object> m = row(key).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put("id", OwnedId.shown(key, caller));
        out.remove("copyDirect");
        out.remove("copyRelayed");
        return out;
    }

    private Map<String, Object> lock(String id) {
        jdbc.sql("SELECT id FROM secure_message WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("message " + id + " does not exist"));
        return row(id).orElseThrow();
    }

    private Optional<Map<String, Object>> row(String id) {
        return jdbc.sql("SELECT * FROM secure_message WHERE id = ?").param(id).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getString("id"));
            m.put("from", rs.getString("sender_id"));
            m.put("to", rs.getString("recipient_id"));
            m.put("via", rs.getString("via_id"));
            m.put("type", rs.getString("message_type"));
            m.put("digest", rs.getString("digest"));
            m.put("status", rs.getString("status"));
            m.put("deadline", rs.getTimestamp("deadline").toInstant().toString());
            m.put("copyDirect", rs.getString("copy_direct"));
            m.put("copyRelayed", rs.getString("copy_relayed"));
            return m;
        }).optional();
    }

    /** The canonical form of a payload: JSON with keys sorted at every level, so equal content gives equal digests. */
    String canonical(Map<String, Object> payload) {
        return json.writeValueAsString(sorted(payload));
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Transmission::sorted).toList();
        }
        return value;
    }
}
