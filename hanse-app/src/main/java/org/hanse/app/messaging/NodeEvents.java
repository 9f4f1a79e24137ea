package org.hanse.app.messaging;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.OwnedKeys;
import org.hanse.core.digest.Sha256;
import org.hanse.core.event.EventType;
import org.hanse.core.event.NodeEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes node events: logs each event once (by id) and announces it through the outbox, in the caller's
 * transaction, so an event exists exactly when the change that caused it was committed.
 */
@Service
public class NodeEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;

    NodeEvents(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
    }

    /** Outcome of {@link #publish}: the stored event and whether this call was a replay of an earlier one. */
    public record Publication(NodeEvent event, boolean replay) {
    }

    /**
     * Logs and announces {@code event}. The same id with the same content is a replay and changes nothing;
     * the same id with other content is a conflict.
     */
    @Transactional
    public Publication publish(NodeEvent event) {
        return publish(event, Delivery.REAL_TIME);
    }

    /** As {@link #publish(NodeEvent)}, choosing whether live subscribers are woken at once. */
    @Transactional
    public Publication publish(NodeEvent event, Delivery delivery) {
        String hash = contentHash(event);
        // Insert first: new events (the common case) cost one statement; a repeated id is sorted out after.
        if (!insert(event, hash, delivery)) {
            String existing = jdbc.sql("SELECT content_hash FROM event_log WHERE id = ?").param(event.id()).query(String.class).single();
            if (!existing.equals(hash)) {
                throw new ConflictException("event " + event.id() + " was already sent with other content");
            }
            return new Publication(find(event.id()).orElseThrow(), true);
        }
        publisher.publishEvent(new NodeEventPublished(event.id(), event.type(), event.sender(), event.recipients(), delivery));
        return new Publication(event, false);
    }

    /** Inserts the event unless its id is logged already; returns whether it was new. */
    private boolean insert(NodeEvent event, String hash, Delivery delivery) {
        return jdbc.sql("""
                INSERT INTO event_log (id, type, sender_id, recipients, occurred_at, schema_version, payload,
                                       proxy, proxy_by, about_id, content_hash, delivery)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(event.id(), event.type().name(), event.sender(), json.writeValueAsString(event.recipients()),
                        Timestamp.from(event.time()), event.schemaVersion(), json.writeValueAsString(event.payload()),
                        event.proxy(), event.proxyBy(), event.about(), hash, delivery.name())
                .update() == 1;
    }

    /** Events: ids chosen by the sender (POST /events); the server's own are random UUIDs. */
    static final OwnedKeys.Table EVENTS = new OwnedKeys.Table("event_log", "sender_id");

    /**
     * The key for an event id chosen by {@code sender}: the key of its own earlier event under that id (a replay, or
     * a conflict if the content differs), else the bare id while no other sender uses it, else sender@id (OwnedId).
     */
    public String keyFor(String sender, String id) {
        return OwnedKeys.newKey(jdbc, EVENTS, sender, id);
    }

    /** Whether the event reached the node's inbox (so the node may answer it). */
    public boolean deliveredTo(String eventId, String node) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox WHERE event_id = ? AND recipient_id = ?").params(eventId, node)
                .query(Long.class).single() > 0;
    }

    public Optional<NodeEvent> find(String id) {
        return jdbc.sql("SELECT * FROM event_log WHERE id = ?").param(id).query(this::toEvent).optional();
    }

    /** Maps a row holding the event_log columns to the envelope. */
    NodeEvent toEvent(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new NodeEvent(rs.getString("id"), EventType.valueOf(rs.getString("type")),
                rs.getString("sender_id"), json.readValue(rs.getString("recipients"), new TypeReference<List<String>>() { }),
                rs.getTimestamp("occurred_at").toInstant(), rs.getInt("schema_version"),
                json.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() { }),
                rs.getBoolean("proxy"), rs.getString("proxy_by"), rs.getString("about_id"));
    }

    private String contentHash(NodeEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", event.type().name());
        content.put("sender", event.sender());
        content.put("recipients", event.recipients().stream().sorted().toList());
        content.put("payload", event.payload());
        content.put("proxy", event.proxy());
        content.put("proxyBy", event.proxyBy());
        content.put("about", event.about());
        return Sha256.hex(json.writeValueAsString(content));
    }
}
