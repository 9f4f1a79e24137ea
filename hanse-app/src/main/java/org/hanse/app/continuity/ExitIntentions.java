package org.hanse.app.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.hanse.app.logistics.ShipmentBook;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.network.Link;
import org.hanse.app.network.Links;
import org.hanse.app.ordering.CapacityLimits;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.exit.ExitRule;
import org.hanse.core.exit.RemainingCapacity;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exits (RULES 3.9). A node announces its exit time and remaining-capacity series; each adjacent pair classifies it
 * planned (≥ 3 of the pair's order cycles ahead) or unplanned and is told so; new orders are capped by the series;
 * substitution starts at once for every buyer and material, so buyers can dual-source before the exit. An unannounced
 * exit is detected when a node stays silent beyond its response timeout × (retries + 1) while a confirmed delivery of
 * it is overdue; substitution then starts too. When an announced exit time passes, the node's links end.
 */
@Service
class ExitIntentions implements CapacityLimits {

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final OrderBook orders;
    private final ShipmentBook shipments;
    private final Links links;
    private final Heartbeats heartbeats;
    private final Substitutions substitutions;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final ContinuityEvidence evidence;
    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    ExitIntentions(JdbcClient jdbc, Adjacency adjacency, OrderBook orders, ShipmentBook shipments, Links links, Heartbeats heartbeats,
                   Substitutions substitutions, NodeEvents events, JsonMapper json, Clock clock, ContinuityEvidence evidence,
                   org.hanse.app.parameters.NetworkParameterSource parameters) {
        this.parameters = parameters;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.orders = orders;
        this.shipments = shipments;
        this.links = links;
        this.heartbeats = heartbeats;
        this.substitutions = substitutions;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** An announcement as posted. */
    record Announcement(String type, String exitAt, List<Map<String, Object>> remainingCapacity, String reason) {
    }

    @Transactional
    Map<String, Object> announce(String node, Announcement a, Principal principal) {
        principal.requireSelfOrOperator(node);
        List<Problem> problems = new ArrayList<>();
        Instant now = clock.instant();
        if (a.type() == null || !Set.of("CLOSURE", "RELOCATION", "MERGER", "OTHER").contains(a.type())) {
            problems.add(new Problem("type", "must be CLOSURE, RELOCATION, MERGER or OTHER"));
        }
        Instant exitAt = null;
        try {
            exitAt = a.exitAt() == null ? null : Instant.parse(a.exitAt());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (exitAt == null) {
            problems.add(new Problem("exitAt", "is required: an ISO 8601 instant"));
        } else if (!exitAt.isAfter(now)) {
            problems.add(new Problem("exitAt", "must lie in the future (a past exit is detected, not announced)"));
        }
        List<RemainingCapacity.Step> steps = new ArrayList<>();
        List<Map<String, Object>> series = a.remainingCapacity() == null ? List.of() : a.remainingCapacity();
        for (int i = 0; i < series.size(); i++) {
            String at = "remainingCapacity[" + i + "]";
            Object from = series.get(i).get("from");
            Object share = series.get(i).get("share");
            LocalDate date = null;
            try {
                date = from == null ? null : LocalDate.parse(String.valueOf(from));
            } catch (DateTimeParseException e) {
                // reported below
            }
            if (date == null) {
                problems.add(new Problem(at + ".from", "is required: a date such as 2027-02-01"));
            }
            if (!(share instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                problems.add(new Problem(at + ".share", "must be a number in [0, 1]: the share of declared capacity still offered"));
            } else if (Numbers.read(at + ".share", n, Numbers.FRACTION, problems) != null && date != null) {
                steps.add(new RemainingCapacity.Step(date, n.doubleValue()));
            }
        }
        if (a.reason() != null && a.reason().length() > 2000) {
            problems.add(new Problem("reason", "must be at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<String> status = jdbc.sql("SELECT status FROM node_exit WHERE node_id = ?").param(node).query(String.class).optional();
        if (status.isPresent()) {
            throw new ConflictException("node " + node + " has already " + (status.get().equals("ANNOUNCED") ? "announced its exit" : "left"));
        }
        jdbc.sql("INSERT INTO node_exit (node_id, kind, announced_at, exit_at, remaining_json, reason, status) VALUES (?, ?, ?, ?, ?, ?, 'ANNOUNCED')")
                .params(node, a.type(), Timestamp.from(now), Timestamp.from(exitAt), json.writeValueAsString(series),
                        a.reason() == null ? "" : a.reason()).update();
        for (String partner : adjacency.neighbours(node)) {
            Duration cycle = cycle(node, partner);
            ExitRule.Kind kind = ExitRule.classify(now, exitAt, cycle, parameters.parameters().exit());
            jdbc.sql("INSERT INTO exit_pair (node_id, partner_id, kind, cycle_s) VALUES (?, ?, ?, ?)")
                    .params(node, partner, kind.name(), (cycle == null ? ExitRule.DEFAULT_CYCLE : cycle).toSeconds()).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("node", node);
            payload.put("type", a.type());
            payload.put("exitAt", exitAt.toString());
            payload.put("remainingCapacity", series);
            payload.put("kind", kind.name());
            payload.put("cycle", (cycle == null ? ExitRule.DEFAULT_CYCLE : cycle).toString());
            events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.EXIT_INTENTION, node, List.of(partner), now, payload));
        }
        for (String[] bm : buyerMaterials(node)) {
            substitutions.start(bm[0], node, bm[1], "ANNOUNCED_EXIT");
        }
        evidence.recordExit(node, true);
        return read(node, principal);
    }

    /** The pair's transaction cycle: the mean interval between its orders, whichever side bought. */
    private Duration cycle(String node, String partner) {
        List<Instant> placed = new ArrayList<>(orders.placedBetween(partner, node));
        placed.addAll(orders.placedBetween(node, partner));
        return ExitRule.meanOrderInterval(placed);
    }

    /** (buyer, material) of every accepted link in which the node supplies. */
    private List<String[]> buyerMaterials(String node) {
        List<String[]> out = new ArrayList<>();
        for (Link l : adjacency.acceptedLinks()) {
            if (l.supplier().equals(node)) {
                l.materials().forEach(m -> out.add(new String[] {l.buyer(), m}));
            }
        }
        return out;
    }

    /**
     * Finds unannounced exits: a supplier with an overdue open order nobody recorded as delivered, silent for longer than
     * its response timeout × (retries + 1). Returns the nodes found.
     */
    @Transactional
    List<String> detect() {
        Instant now = clock.instant();
        Set<String> suspects = new LinkedHashSet<>();
        for (OrderBook.OrderFacts o : orders.overdue(now)) {
            if (!shipments.delivered(o.id())) {
                suspects.add(o.supplier());
            }
        }
        List<String> found = new ArrayList<>();
        for (String node : suspects) {
            if (jdbc.sql("SELECT COUNT(*) FROM node_exit WHERE node_id = ? AND status <> 'ANNOUNCED'").param(node).query(Long.class).single() > 0) {
                continue;
            }
            Instant lastHeard = heartbeats.lastHeard(node).orElse(Instant.EPOCH);
            if (!ExitRule.unannouncedExit(lastHeard, now, adjacency.silenceTimeout(node), true)) {
                continue;
            }
            jdbc.sql("DELETE FROM node_exit WHERE node_id = ?").param(node).update();
            jdbc.sql("INSERT INTO node_exit (node_id, kind, announced_at, exit_at, remaining_json, reason, status) VALUES (?, 'UNANNOUNCED', ?, ?, '[]', ?, 'DETECTED')")
                    .params(node, Timestamp.from(now), Timestamp.from(lastHeard.equals(Instant.EPOCH) ? now : lastHeard),
                            "silent since " + (lastHeard.equals(Instant.EPOCH) ? "it joined" : lastHeard) + " with a confirmed delivery overdue")
                    .update();
            List<String> neighbours = new ArrayList<>(adjacency.neighbours(node));
            for (String partner : neighbours) {
                jdbc.sql("INSERT INTO exit_pair (node_id, partner_id, kind, cycle_s) VALUES (?, ?, 'UNPLANNED', ?) ON CONFLICT DO NOTHING")
                        .params(node, partner, ExitRule.DEFAULT_CYCLE.toSeconds()).update();
            }
            if (!neighbours.isEmpty()) {
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.EXIT_DETECTED, node, neighbours, now,
                        Map.of("node", node, "lastHeard", lastHeard.toString(), "reason", "silence beyond the response timeout and a missed delivery")));
            }
            for (String[] bm : buyerMaterials(node)) {
                substitutions.start(bm[0], node, bm[1], "UNANNOUNCED_EXIT");
            }
            evidence.recordExit(node, false);
            found.add(node);
        }
        return found;
    }

    /** Announced exits whose time has come: the node has left, its links end. */
    @Transactional
    int completeDue() {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("SELECT node_id FROM node_exit WHERE status = 'ANNOUNCED' AND exit_at <= ?").param(Timestamp.from(now))
                .query(String.class).list();
        for (String node : due) {
            jdbc.sql("UPDATE node_exit SET status = 'EXITED' WHERE node_id = ?").param(node).update();
            for (Link l : adjacency.acceptedLinks()) {
                if (l.supplier().equals(node)) {
                    links.end(l.buyer(), node, node + " left the network as announced");
                }
            }
        }
        return due.size();
    }

    @Override
    public Optional<ToDoubleFunction<LocalDate>> limit(String node) {
        return jdbc.sql("SELECT status, exit_at, remaining_json FROM node_exit WHERE node_id = ?").param(node)
                .query((rs, n) -> {
                    if (!"ANNOUNCED".equals(rs.getString(1))) {
                        return (ToDoubleFunction<LocalDate>) d -> 0;
                    }
                    List<Map<String, Object>> series = json.readValue(rs.getString(3), new TypeReference<List<Map<String, Object>>>() { });
                    RemainingCapacity r = new RemainingCapacity(rs.getTimestamp(2).toInstant(), series.stream()
                            .map(x -> new RemainingCapacity.Step(LocalDate.parse(String.valueOf(x.get("from"))), ((Number) x.get("share")).doubleValue()))
                            .toList());
                    return (ToDoubleFunction<LocalDate>) r::share;
                }).optional();
    }

    Map<String, Object> read(String node, Principal principal) {
        if (!principal.isOperator() && !principal.isNode(node) && !adjacency.areNeighbours(principal.requireNode(), node)
                && jdbc.sql("SELECT COUNT(*) FROM exit_pair WHERE node_id = ? AND partner_id = ?").params(node, principal.requireNode())
                .query(Long.class).single() == 0) {
            throw new ForbiddenException("a node's exit is visible to the node, its neighbours (then and now) and the operator");
        }
        Map<String, Object> m = jdbc.sql("SELECT * FROM node_exit WHERE node_id = ?").param(node).query((rs, n) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("node", node);
            x.put("type", rs.getString("kind"));
            x.put("status", rs.getString("status"));
            x.put("announcedAt", rs.getTimestamp("announced_at").toInstant().toString());
            x.put("exitAt", rs.getTimestamp("exit_at").toInstant().toString());
            x.put("remainingCapacity", json.readValue(rs.getString("remaining_json"), List.class));
            x.put("reason", rs.getString("reason"));
            return x;
        }).optional().orElseThrow(() -> new NotFoundException("node " + node + " has announced no exit"));
        evidence.exitReference(node, (String) m.get("type")).ifPresent(ref -> m.put("ledger", ref));
        m.put("pairs", jdbc.sql("SELECT partner_id, kind, cycle_s FROM exit_pair WHERE node_id = ? ORDER BY partner_id").param(node)
                .query((rs, n) -> Map.of("partner", rs.getString(1), "kind", rs.getString(2), "cycle", Duration.ofSeconds(rs.getLong(3)).toString()))
                .list().stream().filter(p -> principal.isOperator() || principal.isNode(node) || principal.isNode((String) p.get("partner"))).toList());
        return m;
    }
}
