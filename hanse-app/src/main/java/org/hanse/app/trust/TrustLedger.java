package org.hanse.app.trust;

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
import org.hanse.app.network.PartnerSharing;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.trust.Dimensions;
import org.hanse.core.trust.Reciprocity;
import org.hanse.core.trust.SharingLevel;
import org.hanse.core.trust.TrustValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trust per directed pair (truster → trustee): the rated interactions and effective penalties fed to {@link TrustValue},
 * with the pair's agreed promised levels and weights. Keeps the current value and sharing level (with hysteresis),
 * appends a point to the pair's history when either changes, and tells both sides when the level moves.
 */
@Service
public class TrustLedger implements PartnerSharing {

    private final JdbcClient jdbc;
    private final TrustParameters parameters;
    private final NodeEvents events;
    private final Clock clock;

    TrustLedger(JdbcClient jdbc, TrustParameters parameters, NodeEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.events = events;
        this.clock = clock;
    }

    /** A stored interaction with its qualities. */
    record Rated(String shipment, int line, String order, Instant at, Dimensions quality, int messages, int confirmed,
                 Duration lateness, Duration leadTime, String kind) {
    }

    /** A penalty that counts now. */
    record Effective(String id, String kind, Instant at, double asymmetry) {
    }

    /** Trust of a pair as computed at {@code at}, with everything that went into it. */
    record Assessment(String truster, String trustee, Instant at, double value, double reciprocal, double frequency, Duration window,
                      TrustParameters.Applicable parameters, List<Rated> interactions, List<Effective> penalties) {

        Duration tau() {
            return window.dividedBy(3);
        }

        List<Rated> inWindow() {
            Instant from = at.minus(window);
            return interactions.stream().filter(i -> !i.at().isBefore(from) && !i.at().isAfter(at)).toList();
        }

        double reciprocity(Rated r) {
            return Reciprocity.coefficient(r.quality(), parameters.promised(), parameters.weights());
        }
    }

    /** A substitute's inherited starting trust (old × δ), if the pair has one: value, time and cause. */
    Optional<Map<String, Object>> prior(String truster, String trustee) {
        return jdbc.sql("SELECT trust_value, at, cause FROM trust_prior WHERE truster_id = ? AND trustee_id = ?").params(truster, trustee)
                .query((rs, n) -> Map.<String, Object>of("value", round(rs.getDouble(1)), "at", rs.getTimestamp(2).toInstant().toString(),
                        "cause", rs.getString(3))).optional();
    }

    /** The trust the truster holds in the trustee now (1.0 without any interaction). */
    public double value(String truster, String trustee) {
        return assess(truster, trustee, clock.instant()).value();
    }

    /** Gives a new pair its starting trust (a substitute: old trust × δ) and recomputes it. */
    @Transactional
    public void seed(String truster, String trustee, double value, String cause) {
        jdbc.sql("DELETE FROM trust_prior WHERE truster_id = ? AND trustee_id = ?").params(truster, trustee).update();
        jdbc.sql("INSERT INTO trust_prior (truster_id, trustee_id, trust_value, at, cause) VALUES (?, ?, ?, ?, ?)")
                .params(truster, trustee, value, java.sql.Timestamp.from(clock.instant()), cause).update();
        refresh(truster, trustee, cause);
    }

    @Override
    public SharingLevel level(String owner, String partner) {
        return jdbc.sql("SELECT level FROM trust_state WHERE truster_id = ? AND trustee_id = ? AND trust >= 0").params(owner, partner)
                .query(String.class).optional().map(SharingLevel::valueOf).orElse(SharingLevel.REAL_TIME);
    }

    Assessment assess(String truster, String trustee, Instant now) {
        TrustParameters.Applicable p = parameters.applicable(truster, trustee);
        org.hanse.core.parameters.NetworkParameters.TrustParameters network = parameters.networkTrust();
        List<Rated> rated = jdbc.sql("""
                SELECT * FROM trust_interaction WHERE truster_id = ? AND trustee_id = ? ORDER BY occurred_at, shipment_id, line_no""")
                .params(truster, trustee)
                .query((rs, n) -> new Rated(rs.getString("shipment_id"), rs.getInt("line_no"), rs.getString("order_id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        new Dimensions(rs.getDouble("punctuality"), rs.getDouble("qualified"), rs.getDouble("information")),
                        rs.getInt("messages"), rs.getInt("confirmed"), Duration.ofSeconds(rs.getLong("lateness_s")),
                        Duration.ofSeconds(rs.getLong("lead_time_s")), rs.getString("kind")))
                .list();
        List<Effective> penalties = jdbc.sql("""
                SELECT id, kind, occurred_at, asymmetry FROM trust_penalty WHERE truster_id = ? AND trustee_id = ?
                AND (status IN ('CONFIRMED', 'UPHELD') OR (status = 'REPORTED' AND dispute_until <= ?)) ORDER BY occurred_at""")
                .params(truster, trustee, Timestamp.from(now))
                .query((rs, n) -> new Effective(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getDouble(4)))
                .list();
        List<TrustValue.Interaction> interactions = new java.util.ArrayList<>(rated.stream()
                .map(r -> new TrustValue.Interaction(r.at(), Reciprocity.coefficient(r.quality(), p.promised(), p.weights(),
                        network.reciprocityCap()))).toList());
        // A substitute's inherited trust (old × δ) counts as one interaction at the time of the substitution.
        jdbc.sql("SELECT trust_value, at FROM trust_prior WHERE truster_id = ? AND trustee_id = ?").params(truster, trustee)
                .query((rs, n) -> new TrustValue.Interaction(rs.getTimestamp(2).toInstant(), rs.getDouble(1))).optional()
                .ifPresent(interactions::add);
        double f = TrustValue.frequency(interactions, now);
        double reciprocal = TrustValue.reciprocal(interactions, now, network);
        double value = TrustValue.of(interactions, penalties.stream().map(e -> new TrustValue.Penalty(e.at(), e.asymmetry())).toList(), now,
                network);
        return new Assessment(truster, trustee, now, value, reciprocal, f, TrustValue.window(f, network), p, rated, penalties);
    }

    /**
     * Recomputes the pair now: stores value and level, appends a history point when either changed, and sends
     * SHARING_LEVEL_CHANGED to both sides when the partner moved between the lists.
     */
    @Transactional
    public Assessment refresh(String truster, String trustee, String cause) {
        Instant now = clock.instant();
        // One refresh of a pair at a time: the row exists (a placeholder with trust −1 for a new pair) and is locked
        // before the interactions are read, so the refresh that runs last also reads last.
        jdbc.sql("INSERT INTO trust_state (truster_id, trustee_id, trust, level, updated_at) VALUES (?, ?, -1, 'REAL_TIME', ?) ON CONFLICT DO NOTHING")
                .params(truster, trustee, Timestamp.from(now)).update();
        Optional<Object[]> state = jdbc.sql("SELECT trust, level FROM trust_state WHERE truster_id = ? AND trustee_id = ? FOR UPDATE")
                .params(truster, trustee).query((rs, n) -> new Object[] {rs.getDouble(1), SharingLevel.valueOf(rs.getString(2))}).optional()
                .filter(s -> (double) s[0] >= 0);
        Assessment a = assess(truster, trustee, now);
        SharingLevel before = state.map(s -> (SharingLevel) s[1]).orElse(null);
        org.hanse.core.parameters.NetworkParameters.TrustParameters t = parameters.networkTrust();
        SharingLevel after = SharingLevel.next(before, a.value(), t.pollingBelow(), t.realTimeFrom());
        double value = round(a.value());
        jdbc.sql("UPDATE trust_state SET trust = ?, level = ?, updated_at = ? WHERE truster_id = ? AND trustee_id = ?")
                .params(value, after.name(), Timestamp.from(now), truster, trustee).update();
        // History points on a visible change only: hourly recomputations drift T by decay alone, which needs no point.
        if (state.isEmpty() || Math.abs((double) state.get()[0] - value) >= 0.001 || before != after) {
            jdbc.sql("INSERT INTO trust_point (truster_id, trustee_id, at, trust, level, cause) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(truster, trustee, Timestamp.from(now), value, after.name(), cause).update();
        }
        // A new pair starts on the REAL_TIME list without a change; any later move between the lists is announced.
        SharingLevel previous = before == null ? SharingLevel.REAL_TIME : before;
        if (previous != after) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("truster", truster);
            payload.put("trustee", trustee);
            payload.put("from", previous.name());
            payload.put("to", after.name());
            payload.put("trust", value);
            payload.put("cause", cause);
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SHARING_LEVEL_CHANGED, truster, List.of(trustee), now, payload));
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.SHARING_LEVEL_CHANGED, trustee, List.of(truster), now, payload));
        }
        return a;
    }

    /** Every pair with a stored state: the daily recomputation walks them (decay and penalties that became effective). */
    List<String[]> pairs() {
        return jdbc.sql("SELECT truster_id, trustee_id FROM trust_state WHERE trust >= 0 ORDER BY truster_id, trustee_id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** The pair's history of values and levels, oldest first. */
    List<Map<String, Object>> series(String truster, String trustee, Instant from) {
        return jdbc.sql("SELECT at, trust, level, cause FROM trust_point WHERE truster_id = ? AND trustee_id = ? AND at >= ? ORDER BY at")
                .params(truster, trustee, Timestamp.from(from))
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", rs.getTimestamp(1).toInstant().toString());
                    m.put("trust", rs.getDouble(2));
                    m.put("level", rs.getString(3));
                    m.put("cause", rs.getString(4));
                    return m;
                }).list();
    }

    /** Pairs in which the node is truster or trustee, with their current value and level. */
    List<Map<String, Object>> pairsOf(String node) {
        List<Map<String, Object>> out = new ArrayList<>();
        jdbc.sql("SELECT truster_id, trustee_id, trust, level, updated_at FROM trust_state WHERE (truster_id = ? OR trustee_id = ?) AND trust >= 0 ORDER BY truster_id, trustee_id")
                .params(node, node)
                .query(rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("truster", rs.getString(1));
                    m.put("trustee", rs.getString(2));
                    m.put("trust", rs.getDouble(3));
                    m.put("level", rs.getString(4));
                    m.put("updatedAt", rs.getTimestamp(5).toInstant().toString());
                    out.add(m);
                });
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The mean trust the network holds in each rated node (its trustees' view of it), for the operator's network map. */
    public Map<String, Double> meanTrustIn() {
        Map<String, Double> mean = new java.util.HashMap<>();
        jdbc.sql("SELECT trustee_id, AVG(trust) FROM trust_state WHERE trust >= 0 GROUP BY trustee_id")
                .query(rs -> {
                    mean.put(rs.getString(1), rs.getDouble(2));
                });
        return mean;
    }
}
