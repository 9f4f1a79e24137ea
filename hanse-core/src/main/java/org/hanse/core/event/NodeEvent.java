package org.hanse.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The envelope of every message between nodes (RULES 1). {@code proxy}/{@code proxyBy}/{@code about} are
 * set when a neighbour publishes on behalf of a node that lacks the module ({@code about} is that node).
 */
public record NodeEvent(
        String id,
        EventType type,
        String sender,
        List<String> recipients,
        Instant time,
        int schemaVersion,
        Map<String, Object> payload,
        boolean proxy,
        String proxyBy,
        String about) {

    /** Schema version of the envelope and payloads emitted by this build. */
    public static final int SCHEMA_VERSION = 1;

    public NodeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(time, "time");
        recipients = List.copyOf(recipients);
        payload = payload == null ? Map.of() : payload;
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one recipient");
        }
        if (recipients.contains(sender) && !proxy) {
            throw new IllegalArgumentException("a node does not send events to itself");
        }
    }

    /** A plain event from {@code sender}. */
    public static NodeEvent of(String id, EventType type, String sender, List<String> recipients, Instant time,
                               Map<String, Object> payload) {
        return new NodeEvent(id, type, sender, recipients, time, SCHEMA_VERSION, payload, false, null, null);
    }
}
