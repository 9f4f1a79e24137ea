package org.hanse.app.trust;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.trust.Dimensions;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promised levels P and dimension weights w per pair (buyer, supplier), negotiated: each side proposes; when both
 * proposals are equal they are agreed and apply until the sides agree on others; before any agreement the network
 * defaults apply (P = 0.95 / 0.98 / 0.95, w = 0.4 / 0.4 / 0.2).
 */
@Service
class TrustParameters {

    /** The proposer id under which an agreement is kept. */
    private static final String AGREED = "";

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final Clock clock;
    private final org.hanse.app.parameters.NetworkParameterSource network;

    TrustParameters(JdbcClient jdbc, Adjacency adjacency, NodeEvents events, Clock clock,
                    org.hanse.app.parameters.NetworkParameterSource network) {
        this.network = network;
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.events = events;
        this.clock = clock;
    }

    /** What applies to a pair, and whether it was agreed (else the defaults). */
    record Applicable(Dimensions promised, Dimensions weights, boolean agreed) {
    }

    /** A proposal as posted: the pair and the three values of each vector by dimension name. */
    record Proposal(String buyer, String supplier, Map<String, Double> promised, Map<String, Double> weights) {
    }

    Applicable applicable(String buyer, String supplier) {
        // An agreed proposal wins; else the network's values for the pair (its per-pair values, else the set's).
        return stored(buyer, supplier, AGREED).map(p -> new Applicable(p[0], p[1], true)).orElseGet(() -> {
            org.hanse.core.parameters.NetworkParameters.TrustParameters t = network.forPair(buyer, supplier).parameters().trust();
            return new Applicable(t.promised(), t.weights(), false);
        });
    }

    /** The network's current trust parameters (window, π_0, sharing thresholds). */
    org.hanse.core.parameters.NetworkParameters.TrustParameters networkTrust() {
        return network.parameters().trust();
    }

    private Optional<Dimensions[]> stored(String buyer, String supplier, String proposer) {
        return jdbc.sql("SELECT * FROM trust_parameter_proposal WHERE buyer_id = ? AND supplier_id = ? AND proposer_id = ?")
                .params(buyer, supplier, proposer)
                .query((rs, n) -> new Dimensions[] {
                        new Dimensions(rs.getDouble("promised_p"), rs.getDouble("promised_q"), rs.getDouble("promised_i")),
                        new Dimensions(rs.getDouble("weight_p"), rs.getDouble("weight_q"), rs.getDouble("weight_i"))})
                .optional();
    }

    /** Records the caller's proposal; returns the pair's state. Agreement is announced to both sides. */
    @Transactional
    Map<String, Object> propose(Proposal p, Principal principal) {
        String me = principal.requireNode();
        List<Problem> problems = new ArrayList<>();
        if (p.buyer() == null || p.supplier() == null || !adjacency.isSupplierOf(p.supplier(), p.buyer())) {
            problems.add(new Problem("supplier", "buyer and supplier must name an accepted link"));
        } else if (!me.equals(p.buyer()) && !me.equals(p.supplier())) {
            throw new ForbiddenException("only the buyer and the supplier negotiate their trust parameters");
        }
        Dimensions promised = vector("promised", p.promised(), problems);
        Dimensions weights = vector("weights", p.weights(), problems);
        if (promised != null) {
            for (String d : List.of("punctuality", "qualified", "information")) {
                double v = p.promised().get(d);
                if (!(v > 0 && v <= 1)) {
                    problems.add(new Problem("promised." + d, "must lie in (0, 1]"));
                }
            }
        }
        if (weights != null) {
            weights.weightProblem().ifPresent(m -> problems.add(new Problem("weights", m)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        save(p.buyer(), p.supplier(), me, promised, weights, now);
        String other = me.equals(p.buyer()) ? p.supplier() : p.buyer();
        Optional<Dimensions[]> theirs = stored(p.buyer(), p.supplier(), other);
        boolean agreed = theirs.isPresent() && theirs.get()[0].equals(promised) && theirs.get()[1].equals(weights);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("buyer", p.buyer());
        payload.put("supplier", p.supplier());
        payload.put("proposer", me);
        payload.put("promised", json(promised));
        payload.put("weights", json(weights));
        if (agreed) {
            save(p.buyer(), p.supplier(), AGREED, promised, weights, now);
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.TRUST_PARAMETERS_AGREED, me, List.of(other), now, payload));
        } else {
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.TRUST_PARAMETERS_PROPOSED, me, List.of(other), now, payload));
        }
        return read(p.buyer(), p.supplier(), principal);
    }

    Map<String, Object> read(String buyer, String supplier, Principal principal) {
        if (!principal.isOperator() && !principal.isNode(buyer) && !principal.isNode(supplier)) {
            throw new ForbiddenException("only the buyer and the supplier see their trust parameters");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buyer", buyer);
        m.put("supplier", supplier);
        Applicable a = applicable(buyer, supplier);
        m.put("agreed", a.agreed());
        m.put("promised", json(a.promised()));
        m.put("weights", json(a.weights()));
        Map<String, Object> proposals = new LinkedHashMap<>();
        for (String side : List.of(buyer, supplier)) {
            stored(buyer, supplier, side).ifPresent(d -> proposals.put(side, Map.of("promised", json(d[0]), "weights", json(d[1]))));
        }
        m.put("proposals", proposals);
        return m;
    }

    private void save(String buyer, String supplier, String proposer, Dimensions promised, Dimensions weights, Instant now) {
        jdbc.sql("DELETE FROM trust_parameter_proposal WHERE buyer_id = ? AND supplier_id = ? AND proposer_id = ?")
                .params(buyer, supplier, proposer).update();
        jdbc.sql("""
                INSERT INTO trust_parameter_proposal (buyer_id, supplier_id, proposer_id, promised_p, promised_q, promised_i,
                                                      weight_p, weight_q, weight_i, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(buyer, supplier, proposer, promised.punctuality(), promised.qualified(), promised.information(),
                        weights.punctuality(), weights.qualified(), weights.information(), Timestamp.from(now))
                .update();
    }

    static Map<String, Double> json(Dimensions d) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("punctuality", d.punctuality());
        m.put("qualified", d.qualified());
        m.put("information", d.information());
        return m;
    }

    private static Dimensions vector(String path, Map<String, Double> values, List<Problem> problems) {
        if (values == null) {
            problems.add(new Problem(path, "is required: {punctuality, qualified, information}"));
            return null;
        }
        boolean complete = true;
        for (String d : List.of("punctuality", "qualified", "information")) {
            if (values.get(d) == null || values.get(d).isNaN()) {
                problems.add(new Problem(path + "." + d, "is required, a number"));
                complete = false;
            } else if (Numbers.check(path + "." + d, values.get(d), Numbers.SANE, problems) == null) {
                // ±Infinity and subnormals; the ranges of promised levels and weights are checked by their own rules.
                complete = false;
            }
        }
        for (String key : values.keySet()) {
            if (!List.of("punctuality", "qualified", "information").contains(key)) {
                problems.add(new Problem(path + "." + key, "is not a trust dimension (punctuality, qualified, information)"));
                complete = false;
            }
        }
        return complete ? new Dimensions(values.get("punctuality"), values.get("qualified"), values.get("information")) : null;
    }
}
