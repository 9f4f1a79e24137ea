package org.hanse.app.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Links;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.app.trust.TrustLedger;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.exit.BackupScore;
import org.hanse.core.exit.ExitRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract net of RULES 3.9. A substitution offers a buyer's business with a leaving supplier to every backup
 * candidate at once, only nodes {@link SubstitutionPolicy} allows (SUBSTITUTION_REQUEST with the pair's historical order
 * parameters and each open order's quantity and due date, never the buyer's order ids).
 * Candidates that declare capacity for the material answer at once by their own capacity rule; the others answer by
 * hand within their own response timeout (wait × (retries + 1)); the round lasts until the slowest candidate's time is up.
 * The first accept wins atomically (one conditional update of the substitution row), the
 * other candidates are cancelled, later accepts are refused politely, and so is a candidate whose own capacity rule would
 * not take the business on. The winner gets the open orders (re-issued and
 * decided afresh), a link with the buyer and, in the buyer's eyes, the old trust × δ. No winner by the deadline: the
 * call widens to every allowed node supplying the material; still none: it fails and the operator is alerted.
 */
@Service
class Substitutions {

    private final JdbcClient jdbc;
    private final BackupLists backups;
    private final OrderBook orders;
    private final Links links;
    private final Adjacency adjacency;
    private final TrustLedger trust;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final SubstitutionPolicy policy;
    private final ContinuityEvidence evidence;

    Substitutions(JdbcClient jdbc, BackupLists backups, OrderBook orders, Links links, Adjacency adjacency, TrustLedger trust,
                  NodeEvents events, JsonMapper json, Clock clock, SubstitutionPolicy policy, ContinuityEvidence evidence) {
        this.evidence = evidence;
        this.policy = policy;
        this.jdbc = jdbc;
        this.backups = backups;
        this.orders = orders;
        this.links = links;
        this.adjacency = adjacency;
        this.trust = trust;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Starts (once per buyer, original, material and cause) and returns the substitution id. */
    @Transactional
    String start(String buyer, String original, String material, String cause) {
        Optional<String> existing = jdbc.sql("SELECT id FROM substitution WHERE buyer_id = ? AND original_id = ? AND material = ? AND cause = ?")
                .params(buyer, original, material, cause).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        String id = "sub-" + UUID.randomUUID();
        Map<String, Object> params = parameters(buyer, original, material);
        jdbc.sql("""
                INSERT INTO substitution (id, buyer_id, original_id, material, cause, status, round_no, params_json, started_at, deadline)
                VALUES (?, ?, ?, ?, ?, 'OPEN', 1, ?, ?, ?)""")
                .params(id, buyer, original, material, cause, json.writeValueAsString(params), Timestamp.from(now), Timestamp.from(now))
                .update();
        List<BackupLists.Candidate> ranked = backups.rank(buyer, original, material);
        List<String> offered = new ArrayList<>();
        for (BackupLists.Candidate c : ranked) {
            offer(id, c.node(), 1, c.score(), c.similarity(), buyer, params, now);
            offered.add(c.node());
        }
        if (offered.isEmpty()) {
            widen(id, now);
            return id;
        }
        decideAutomatically(id, offered, params, material, now);
        return id;
    }

    /** The pair's history (orders in the last year, mean quantity and interval) and its open orders with their windows. */
    private Map<String, Object> parameters(String buyer, String original, String material) {
        Instant now = clock.instant();
        List<OrderBook.PastOrder> past = orders.history(buyer, original, material, now.minus(Duration.ofDays(365)));
        Duration cycle = ExitRule.meanOrderInterval(past.stream().map(OrderBook.PastOrder::placedAt).toList());
        List<Map<String, Object>> open = new ArrayList<>();
        for (OrderBook.OrderFacts o : orders.openAsSupplier(original)) {
            if (o.buyer().equals(buyer) && o.quantities().containsKey(material)) {
                // Only what an offer needs: no order ids (the buyer's business stays the buyer's), no other orders.
                open.add(Map.of("quantity", o.quantities().get(material), "due", o.due().toString()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", buyer);
        m.put("original", original);
        m.put("material", material);
        m.put("ordersLastYear", past.size());
        m.put("meanQuantity", past.stream().mapToDouble(OrderBook.PastOrder::quantity).average().orElse(0));
        m.put("meanOrderInterval", (cycle == null ? ExitRule.DEFAULT_CYCLE : cycle).toString());
        m.put("openOrders", open);
        return m;
    }

    /** Offers the business to one candidate, who has its own response timeout (wait × (retries + 1)) to answer. */
    private void offer(String id, String candidate, int round, double score, double similarity, String buyer, Map<String, Object> params, Instant now) {
        Instant respondBy = now.plus(adjacency.responseTimeout(candidate).silenceLimit());
        jdbc.sql("""
                INSERT INTO substitution_offer (substitution_id, candidate_id, round_no, score, similarity, status, respond_by) VALUES (?, ?, ?, ?, ?, 'SENT', ?)
                ON CONFLICT DO NOTHING""").params(id, candidate, round, score, similarity, Timestamp.from(respondBy)).update();
        // The round lasts until the slowest candidate's time is up.
        jdbc.sql("UPDATE substitution SET deadline = ? WHERE id = ? AND deadline < ?").params(Timestamp.from(respondBy), id, Timestamp.from(respondBy)).update();
        Map<String, Object> payload = new LinkedHashMap<>(params);
        payload.put("substitution", id);
        payload.put("round", round);
        payload.put("respondBy", respondBy.toString());
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SUBSTITUTION_REQUEST, buyer, List.of(candidate), now, payload));
    }

    /** Candidates declaring capacity for the material answer by their own capacity rule, in rank order. */
    private void decideAutomatically(String id, List<String> candidates, Map<String, Object> params, String material, Instant now) {
        for (String c : candidates) {
            if (!"AUTO".equals(decides(c))) {
                continue;
            }
            Optional<Boolean> allows = policy.capacityAllows(c, material, params, now);
            if (allows.isEmpty()) {
                continue;
            }
            if (allows.get()) {
                try {
                    accept(id, c, "AUTO");
                } catch (ConflictException alreadyTaken) {
                    // Someone accepted by hand in the meantime: nothing left to decide.
                }
                return;
            } else {
                decline(id, c, "AUTO");
            }
        }
    }

    /** A candidate accepts: the first accept wins; a later one is refused politely. */
    @Transactional
    Map<String, Object> accept(String id, String candidate, String by) {
        Map<String, Object> s = row(id).orElseThrow(() -> new NotFoundException("substitution " + id + " does not exist"));
        String offer = offerStatus(id, candidate).orElseThrow(() -> new ForbiddenException("substitution " + id + " was not offered to " + candidate));
        Instant now = clock.instant();
        Instant respondBy = jdbc.sql("SELECT respond_by FROM substitution_offer WHERE substitution_id = ? AND candidate_id = ?").params(id, candidate)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        if (!"SENT".equals(offer) && !"DECLINED".equals(offer)) {
            Map<String, Object> current = row(id).orElseThrow();
            throw new ConflictException("thank you, " + candidate + ": substitution " + id + " is " + current.get("status")
                    + (current.get("winner") != null ? " (taken by " + current.get("winner") + ")" : "") + "; your offer " + offer.toLowerCase());
        }
        if (now.isAfter(respondBy)) {
            throw new ConflictException("thank you, " + candidate + ": your time to answer substitution " + id + " ran out at " + respondBy);
        }
        // A node without capacity for the open business does not win it (declare capacity first, then accept).
        Map<String, Object> params = json.readValue((String) s.get("paramsJson"), new TypeReference<Map<String, Object>>() { });
        if (!policy.capacityAllows(candidate, (String) s.get("material"), params, now).orElse(false)) {
            throw new ConflictException("thank you, " + candidate + ": you declare no capacity for " + s.get("material")
                    + " that takes on this business by its due date; declare it, then accept");
        }
        int won = jdbc.sql("UPDATE substitution SET status = 'WON', winner_id = ?, won_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(candidate, Timestamp.from(now), id).update();
        if (won == 0) {
            Map<String, Object> current = row(id).orElseThrow();
            throw new ConflictException("thank you, " + candidate + ": substitution " + id + " is " + current.get("status")
                    + (current.get("winner") != null ? " (taken by " + current.get("winner") + ")" : "") + "; your offer " + offer.toLowerCase());
        }
        jdbc.sql("UPDATE substitution_offer SET status = 'ACCEPTED', decided_at = ?, decided_by = ? WHERE substitution_id = ? AND candidate_id = ?")
                .params(Timestamp.from(now), by, id, candidate).update();
        List<String> others = jdbc.sql("SELECT candidate_id FROM substitution_offer WHERE substitution_id = ? AND status = 'SENT'")
                .param(id).query(String.class).list();
        jdbc.sql("UPDATE substitution_offer SET status = 'CANCELLED', decided_at = ? WHERE substitution_id = ? AND status = 'SENT'")
                .params(Timestamp.from(now), id).update();
        String buyer = (String) s.get("buyer");
        for (String other : others) {
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SUBSTITUTION_CANCELLED, buyer, List.of(other), now,
                    Map.of("substitution", id, "winner", candidate)));
        }
        reconnect(id, buyer, (String) s.get("original"), (String) s.get("material"), candidate, now);
        evidence.recordWon(id);
        return read(id, Principal.OPERATOR);
    }

    /**
     * The winner takes over: a link with the buyer, the open orders (each re-issued and decided afresh; a rejection
     * tells the buyer its due date is at risk and why), and the buyer's trust in the original × δ.
     */
    private void reconnect(String id, String buyer, String original, String material, String winner, Instant now) {
        links.connect(buyer, winner, List.of(material), "substitution " + id);
        Map<String, Object> outcome = new LinkedHashMap<>();
        List<Map<String, Object>> moved = new ArrayList<>();
        boolean canPlan = orders.capacityOf(winner).flatMap(p -> p.capability(material)).isPresent();
        for (OrderBook.OrderFacts o : orders.openAsSupplier(original)) {
            if (!o.buyer().equals(buyer) || !o.quantities().containsKey(material)) {
                continue;
            }
            if (!canPlan) {
                // Without a capacity declaration the winner cannot be asked by the order rule: the buyer is told.
                moved.add(Map.of("order", o.id(), "status", "NOT_MOVED", "reason", winner + " declares no capacity for " + material));
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.DUE_DATE_AT_RISK, winner, List.of(buyer), now,
                        Map.of("order", o.id(), "reason", original + " left; the substitute " + winner + " declares no capacity for " + material
                                + ", so the order could not be moved yet")));
                continue;
            }
            orders.reissue(o.id(), winner, original + " left; substitution " + id + " chose " + winner).ifPresent(n ->
                    moved.add(Map.of("order", o.id(), "replacement", n.id(), "status", n.status())));
        }
        outcome.put("orders", moved);
        double similarity = jdbc.sql("SELECT similarity FROM substitution_offer WHERE substitution_id = ? AND candidate_id = ?")
                .params(id, winner).query(Double.class).single();
        double old = trust.value(buyer, original);
        double initial = BackupScore.initialTrust(old, similarity);
        trust.seed(buyer, winner, initial, "substitution " + id + " for " + original);
        outcome.put("trust", Map.of("original", BackupLists.round(old), "delta", BackupLists.round(BackupScore.delta(similarity)),
                "initial", BackupLists.round(initial)));
        boolean gone = jdbc.sql("SELECT COUNT(*) FROM node_exit WHERE node_id = ? AND status IN ('DETECTED', 'EXITED')").param(original)
                .query(Long.class).single() > 0;
        if (gone) {
            links.end(buyer, original, "left the network; replaced by " + winner);
        }
        jdbc.sql("UPDATE substitution SET outcome_json = ? WHERE id = ?").params(json.writeValueAsString(outcome), id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("substitution", id);
        payload.put("buyer", buyer);
        payload.put("original", original);
        payload.put("material", material);
        payload.put("winner", winner);
        payload.putAll(outcome);
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SUBSTITUTION_WON, buyer, List.of(winner), now, payload));
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SUBSTITUTION_WON, winner, List.of(buyer), now, payload));
    }

    /** A candidate declines; when every offer of the round is declined the call widens at once. */
    @Transactional
    Map<String, Object> decline(String id, String candidate, String by) {
        row(id).orElseThrow(() -> new NotFoundException("substitution " + id + " does not exist"));
        String offer = offerStatus(id, candidate).orElseThrow(() -> new ForbiddenException("substitution " + id + " was not offered to " + candidate));
        if (!"SENT".equals(offer)) {
            throw new ConflictException("your offer for substitution " + id + " is already " + offer.toLowerCase());
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE substitution_offer SET status = 'DECLINED', decided_at = ?, decided_by = ? WHERE substitution_id = ? AND candidate_id = ?")
                .params(Timestamp.from(now), by, id, candidate).update();
        long open = jdbc.sql("SELECT COUNT(*) FROM substitution_offer WHERE substitution_id = ? AND status = 'SENT'").param(id).query(Long.class).single();
        if (open == 0 && "OPEN".equals(row(id).orElseThrow().get("status"))) {
            widen(id, now);
        }
        return read(id, Principal.OPERATOR);
    }

    /** OPEN substitutions past their deadline: the first round widens, the second fails. Returns how many moved on. */
    @Transactional
    int expire() {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("SELECT id FROM substitution WHERE status = 'OPEN' AND deadline < ?").param(Timestamp.from(now))
                .query(String.class).list();
        due.forEach(id -> widen(id, now));
        return due.size();
    }

    /**
     * Round 2 (capability matching, RULES 3.3): every node declaring capacity for the material that was not asked yet;
     * after round 2, or when there is nobody left to ask, the substitution fails and the operator is alerted.
     */
    private void widen(String id, Instant now) {
        Map<String, Object> s = row(id).orElseThrow();
        int round = ((Number) s.get("round")).intValue();
        String buyer = (String) s.get("buyer");
        String original = (String) s.get("original");
        String material = (String) s.get("material");
        jdbc.sql("UPDATE substitution_offer SET status = 'EXPIRED', decided_at = ? WHERE substitution_id = ? AND status = 'SENT'")
                .params(Timestamp.from(now), id).update();
        List<String> asked = jdbc.sql("SELECT candidate_id FROM substitution_offer WHERE substitution_id = ?").param(id).query(String.class).list();
        Set<String> gone = Set.copyOf(jdbc.sql("SELECT node_id FROM node_exit WHERE status IN ('DETECTED', 'EXITED')").query(String.class).list());
        // Round 2: every node supplying the material that the policy allows and that was not asked yet (not only those
        // mapping it). Nodes that merely run similar equipment are not asked: they would see the buyer's business
        // without supplying the material.
        java.util.function.Predicate<String> level = policy.passesLevel();
        Set<String> downstream = policy.downstream(buyer, original, material);
        List<String> wider = round >= 2 ? List.of() : policy.suppliersOf(material).stream()
                .filter(n -> !n.equals(buyer) && !n.equals(original) && !asked.contains(n) && !gone.contains(n) && !downstream.contains(n))
                .filter(level)
                .toList();
        if (wider.isEmpty()) {
            jdbc.sql("UPDATE substitution SET status = 'FAILED' WHERE id = ? AND status = 'OPEN'").param(id).update();
            String message = "nobody took over " + original + "'s supply of " + material + " to " + buyer + " (substitution " + id + ", "
                    + asked.size() + " candidates asked)";
            jdbc.sql("INSERT INTO operator_alert (id, kind, message, subject_id, raised_at) VALUES (?, 'SUBSTITUTION_FAILED', ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), message, id, Timestamp.from(now)).update();
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SUBSTITUTION_FAILED, original, List.of(buyer), now,
                    Map.of("substitution", id, "message", message)));
            return;
        }
        jdbc.sql("UPDATE substitution SET status = 'OPEN', round_no = 2, deadline = ? WHERE id = ?").params(Timestamp.from(now), id).update();
        Map<String, Object> params = json.readValue((String) s.get("paramsJson"), new TypeReference<Map<String, Object>>() { });
        for (String n : wider) {
            offer(id, n, 2, 0, 0, buyer, params, now);
        }
        decideAutomatically(id, wider, params, material, now);
    }

    Map<String, Object> read(String id, Principal principal) {
        Map<String, Object> s = row(id).orElseThrow(() -> new NotFoundException("substitution " + id + " does not exist"));
        List<Map<String, Object>> offers = jdbc.sql("SELECT * FROM substitution_offer WHERE substitution_id = ? ORDER BY round_no, score DESC, candidate_id")
                .param(id).query((rs, n) -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("candidate", rs.getString("candidate_id"));
                    o.put("round", rs.getInt("round_no"));
                    o.put("score", BackupLists.round(rs.getDouble("score")));
                    o.put("status", rs.getString("status"));
                    if (rs.getString("decided_by") != null) {
                        o.put("decidedBy", rs.getString("decided_by"));
                    }
                    return o;
                }).list();
        boolean party = principal.isOperator() || principal.isNode((String) s.get("buyer")) || principal.isNode((String) s.get("original"));
        boolean candidate = !party && offers.stream().anyMatch(o -> principal.isNode((String) o.get("candidate")));
        if (!party && !candidate) {
            throw new ForbiddenException("a substitution is visible to its buyer, the leaving supplier, its candidates and the operator");
        }
        Map<String, Object> m = new LinkedHashMap<>(s);
        m.remove("paramsJson");
        m.put("parameters", json.readValue((String) s.get("paramsJson"), Map.class));
        // A candidate sees its own offer only, not its competitors.
        m.put("offers", candidate ? offers.stream().filter(o -> principal.isNode((String) o.get("candidate"))).toList() : offers);
        evidence.wonReference(id).ifPresent(ref -> m.put("ledger", ref));
        return m;
    }

    /** The operator's view: every substitution not yet decided; a node's: those it is buyer, original or candidate in. */
    List<Map<String, Object>> list(Principal principal) {
        List<String> ids = principal.isOperator()
                ? jdbc.sql("SELECT id FROM substitution WHERE status = 'OPEN' ORDER BY started_at").query(String.class).list()
                : jdbc.sql("""
                        SELECT DISTINCT s.id, s.started_at FROM substitution s LEFT JOIN substitution_offer o ON o.substitution_id = s.id
                        WHERE s.buyer_id = ? OR s.original_id = ? OR o.candidate_id = ? ORDER BY s.started_at""")
                        .params(principal.requireNode(), principal.requireNode(), principal.requireNode()).query((rs, n) -> rs.getString(1)).list();
        return ids.stream().map(id -> read(id, principal)).toList();
    }

    /** How the node answers substitution requests: AUTO (its capacity rule; the default) or MANUAL. */
    String decides(String node) {
        return jdbc.sql("SELECT decide FROM substitution_setting WHERE node_id = ?").param(node).query(String.class).optional().orElse("AUTO");
    }

    @Transactional
    void setDecides(String node, String decide) {
        jdbc.sql("DELETE FROM substitution_setting WHERE node_id = ?").param(node).update();
        jdbc.sql("INSERT INTO substitution_setting (node_id, decide) VALUES (?, ?)").params(node, decide).update();
    }

    private Optional<String> offerStatus(String id, String candidate) {
        return jdbc.sql("SELECT status FROM substitution_offer WHERE substitution_id = ? AND candidate_id = ?").params(id, candidate)
                .query(String.class).optional();
    }

    private Optional<Map<String, Object>> row(String id) {
        return jdbc.sql("SELECT * FROM substitution WHERE id = ?").param(id).query((rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getString("id"));
            m.put("buyer", rs.getString("buyer_id"));
            m.put("original", rs.getString("original_id"));
            m.put("material", rs.getString("material"));
            m.put("cause", rs.getString("cause"));
            m.put("status", rs.getString("status"));
            m.put("round", rs.getInt("round_no"));
            m.put("startedAt", rs.getTimestamp("started_at").toInstant().toString());
            m.put("deadline", rs.getTimestamp("deadline").toInstant().toString());
            if (rs.getString("winner_id") != null) {
                m.put("winner", rs.getString("winner_id"));
                m.put("wonAt", rs.getTimestamp("won_at").toInstant().toString());
            }
            if (rs.getString("outcome_json") != null) {
                m.put("outcome", json.readValue(rs.getString("outcome_json"), Map.class));
            }
            m.put("paramsJson", rs.getString("params_json"));
            return m;
        }).optional();
    }
}
