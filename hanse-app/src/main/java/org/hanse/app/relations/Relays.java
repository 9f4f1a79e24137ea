package org.hanse.app.relations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.messaging.NodeEvents;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.hanse.core.relation.Relay;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays along accepted links (RULES 3.4). The origin posts an item once (stored with its content); every delivery is
 * recorded with its hop count, so a node may relay an item only after it reached that node, at the hop count the server
 * recorded — never one the caller names — and with the origin's content. {@link Relay#mayRelay} caps the hops; beyond
 * the cap the relay is dropped and the intended recipients (accepted neighbours of a node on the item's path) subscribe
 * to the origin, whose later items reach them directly.
 */
@Service
class Relays {

    static final int MAX_RECIPIENTS = 100;
    static final int MAX_CONTENT_CHARS = 20_000;
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private final JdbcClient jdbc;
    private final Adjacency adjacency;
    private final NodeEvents events;
    private final JsonMapper json;
    private final Clock clock;

    private final org.hanse.app.parameters.NetworkParameterSource parameters;

    Relays(JdbcClient jdbc, Adjacency adjacency, NodeEvents events, JsonMapper json, Clock clock, org.hanse.app.parameters.NetworkParameterSource parameters) {
        this.parameters = parameters;
        this.jdbc = jdbc;
        this.adjacency = adjacency;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An item to relay: its id (the origin's), its origin, to whom (accepted neighbours of the relaying node) and, from
     * the origin only, its content. {@code hops} is accepted for older clients and ignored: the server stamps hops.
     */
    record RelayItem(String id, String origin, Integer hops, List<String> to, Map<String, Object> item) {
    }

    @Transactional
    Map<String, Object> relay(RelayItem r, Principal principal) {
        String node = principal.requireNode();
        String content = validate(r, node);
        int hops = node.equals(r.origin()) ? originate(r, content) : received(r, node);
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        int maxHops = parameters.parameters().transmission().maxHops();
        if (!Relay.mayRelay(hops, maxHops)) {
            // Beyond the cap: dropped; the recipients take the origin's items directly from now on.
            for (String subscriber : r.to()) {
                jdbc.sql("INSERT INTO relay_subscription (origin_id, subscriber_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(r.origin(), subscriber, Timestamp.from(now)).update();
                events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RELAY_SUBSCRIBED, r.origin(), List.of(subscriber), now,
                        Map.of("origin", r.origin(), "reason", "relays are capped at " + maxHops + " hops")));
            }
            out.put("relayed", false);
            out.put("hops", hops);
            out.put("subscribed", r.to());
            return out;
        }
        List<String> recipients = new ArrayList<>(r.to());
        if (node.equals(r.origin())) {
            // The origin's own items also go straight to its direct subscribers.
            jdbc.sql("SELECT subscriber_id FROM relay_subscription WHERE origin_id = ? ORDER BY subscriber_id").param(r.origin()).query(String.class).list()
                    .stream().filter(s -> !recipients.contains(s) && !s.equals(node)).forEach(recipients::add);
        }
        int stamped = hops + 1;
        recipients.forEach(to -> deliver(r.origin(), r.id(), to, stamped, node, now));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("item", r.id());
        payload.put("origin", r.origin());
        payload.put("hops", stamped);
        payload.put("relayedBy", node);
        payload.put("content", json.readValue(storedContent(r.origin(), r.id()).orElseThrow(), Map.class));
        events.publish(NodeEvent.of(UUID.randomUUID().toString(), EventType.RELAYED_ITEM, node, recipients, now, payload));
        out.put("relayed", true);
        out.put("hops", stamped);
        out.put("to", recipients);
        return out;
    }

    /** Every problem of the request with its path; returns the item's content as JSON (used only from the origin). */
    private String validate(RelayItem r, String node) {
        List<Problem> problems = new ArrayList<>();
        if (r.id() == null || !r.id().matches(ID)) {
            problems.add(new Problem("id", "is required: 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        if (r.origin() == null || !adjacency.exists(r.origin())) {
            problems.add(new Problem("origin", "must be a registered node"));
        }
        if (r.to() == null || r.to().isEmpty() || r.to().size() > MAX_RECIPIENTS) {
            problems.add(new Problem("to", "must name 1 to " + MAX_RECIPIENTS + " accepted neighbours"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.to().size(); i++) {
                String to = r.to().get(i);
                if (to == null || !adjacency.areNeighbours(node, to)) {
                    problems.add(new Problem("to[" + i + "]", "must be an accepted neighbour of " + node));
                } else if (!seen.add(to)) {
                    problems.add(new Problem("to[" + i + "]", "is named twice"));
                }
            }
        }
        String content = json.writeValueAsString(r.item() == null ? Map.of() : r.item());
        if (node.equals(r.origin()) && content.length() > MAX_CONTENT_CHARS) {
            problems.add(new Problem("item", "must be at most " + MAX_CONTENT_CHARS + " characters of JSON"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return content;
    }

    /** The origin sends its item: stored once (the same id with other content is a conflict); it has travelled 0 hops. */
    private int originate(RelayItem r, String content) {
        Optional<String> stored = storedContent(r.origin(), r.id());
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO relay_item (origin_id, item_id, content, created_at) VALUES (?, ?, ?, ?)")
                    .params(r.origin(), r.id(), content, Timestamp.from(clock.instant())).update();
        } else if (!json.readTree(stored.get()).equals(json.readTree(content))) {
            throw new ConflictException("item " + r.id() + " of " + r.origin() + " was sent with other content");
        }
        return 0;
    }

    /** The hops at which the item reached the caller; a node the item never reached is off its path and may not relay it. */
    private int received(RelayItem r, String node) {
        return jdbc.sql("SELECT hops FROM relay_delivery WHERE origin_id = ? AND item_id = ? AND recipient_id = ?")
                .params(r.origin(), r.id(), node).query(Integer.class).optional()
                .orElseThrow(() -> new ForbiddenException("only the origin, or a node item " + r.id() + " of " + r.origin()
                        + " reached along accepted links, relays it"));
    }

    /** Records that the item reached a node, keeping the fewest hops when it arrives on several paths. */
    private void deliver(String origin, String item, String recipient, int hops, String by, Instant now) {
        int updated = jdbc.sql("UPDATE relay_delivery SET hops = ?, relayed_by = ?, delivered_at = ? WHERE origin_id = ? AND item_id = ? AND recipient_id = ? AND hops > ?")
                .params(hops, by, Timestamp.from(now), origin, item, recipient, hops).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO relay_delivery (origin_id, item_id, recipient_id, hops, relayed_by, delivered_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(origin, item, recipient, hops, by, Timestamp.from(now)).update();
        }
    }

    private Optional<String> storedContent(String origin, String item) {
        return jdbc.sql("SELECT content FROM relay_item WHERE origin_id = ? AND item_id = ?").params(origin, item).query(String.class).optional();
    }
}
